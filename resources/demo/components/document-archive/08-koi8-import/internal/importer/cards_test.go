package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
)

func readTestdata(t *testing.T, name string, source Source) []Card {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cards, err := ReadCards(f, source)
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

func TestReadCardsFromDelphiExport(t *testing.T) {
	cards := readTestdata(t, "cards_cp1251.txt", SourceDelphi)
	if len(cards) != 3 {
		t.Fatalf("got %d cards, want 3", len(cards))
	}
	first := cards[0].Document
	if first.RegNumber != "12-04/317" || first.Kind != archive.KindOrder || *first.LegacyCardNo != 1001 {
		t.Fatalf("unexpected first card %+v", first)
	}
	if first.Title != "О создании экспертной комиссии" {
		t.Fatalf("title decoded as %q", first.Title)
	}
	if cards[0].ScanCount != -1 {
		t.Fatalf("format 3 has no scan count, got %d", cards[0].ScanCount)
	}
}

func TestReadCardsFromOracleExport(t *testing.T) {
	cards := readTestdata(t, "cards_koi8.txt", SourceOracle)
	if len(cards) != 2 {
		t.Fatalf("got %d cards, want 2", len(cards))
	}
	if got := cards[1].Document.Correspondent; got != "Облгосархив Северо-Казахстанской обл." {
		t.Fatalf("correspondent decoded as %q", got)
	}
	if cards[1].Document.Kind != archive.KindAppeal || cards[1].ScanCount != 4 {
		t.Fatalf("unexpected second card %+v", cards[1])
	}
}

func TestReadCardsRejectsOtherFiles(t *testing.T) {
	f, err := os.Open("cards.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ReadCards(f, SourceDelphi); err == nil {
		t.Fatal("expected an error for a file without the exchange header")
	}
}

func TestReadCardsReportsTruncatedLine(t *testing.T) {
	// The real windows-1251 header line of the sample export, then a card cut after 3 fields.
	header, _ := os.ReadFile("testdata/cards_cp1251.txt")
	firstLine := header[:bytes.IndexByte(header, '\n')+1]
	input := append(append([]byte{}, firstLine...), []byte("1004|12-04/400|01.03.2011\r\n")...)

	_, err := ReadCards(bytes.NewReader(input), SourceDelphi)
	if err == nil || !strings.Contains(err.Error(), "truncated card line") {
		t.Fatalf("err = %v, want a truncated line error", err)
	}
}
