package importer

import (
	"os"
	"testing"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
)

func TestReadCardsFromLegacyExport(t *testing.T) {
	f, err := os.Open("testdata/cards_cp1251.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	cards, err := ReadCards(f)
	if err != nil {
		t.Fatal(err)
	}
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
	if got := cards[2].Document.Kind; got != archive.KindAppeal {
		t.Fatalf("third card kind = %v, want KindAppeal", got)
	}
}

func TestReadCardsRejectsOtherFiles(t *testing.T) {
	f, err := os.Open("cards.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ReadCards(f); err == nil {
		t.Fatal("expected an error for a file without the exchange header")
	}
}
