// Package importer reads the exchange files of the legacy archive system ("АИС Архив") and
// turns them into document cards. Two producers exist:
//
//   - SourceDelphi: the Windows client (legacy/delphi/ArchiveExport.pas), windows-1251, CRLF,
//     a header line, dates dd.mm.yyyy (format 3) or yyyy-mm-dd (format 4, since 2025);
//   - SourceOracle: the SQL*Plus script of the Unix server (legacy/sql/export_cards.sql), KOI8-R,
//     "#ВИДЫ|code|name" dictionary lines first, kinds as numeric codes, dates dd.mm.yyyy.
//
// Card line fields: card no|reg number|reg date|kind|title|correspondent|pages|storage place[|scans]
package importer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
)

type Source int

const (
	SourceDelphi Source = iota
	SourceOracle
)

func (s Source) encoding() encoding.Encoding {
	if s == SourceOracle {
		return charmap.KOI8R
	}
	return charmap.Windows1251
}

const (
	headerPrefix     = "АИС Архив: обменный файл"
	dictionaryPrefix = "#ВИДЫ|"
	cardFields       = 8
)

// kindNames maps the Russian kind names written by the Delphi exporter (DocKindNames) to kinds.
var kindNames = map[string]archive.Kind{
	"Входящий":             archive.KindIncoming,
	"Исходящий":            archive.KindOutgoing,
	"Внутренний":           archive.KindInternal,
	"Приказ":               archive.KindOrder,
	"Договор":              archive.KindContract,
	"Обращение гражданина": archive.KindAppeal,
}

var dateLayouts = []string{"02.01.2006", "2006-01-02"}

// Card is one parsed line, with the storage place kept as text (fond-opis-delo).
type Card struct {
	Document     archive.Document
	StoragePlace string
	// ScanCount is -1 when the export does not say (format 3 and older Oracle exports).
	ScanCount int
}

// ReadCards decodes an exchange file of the given source and parses every card line.
func ReadCards(r io.Reader, source Source) ([]Card, error) {
	scanner := bufio.NewScanner(source.encoding().NewDecoder().Reader(r))
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)

	var cards []Card
	lineNo := 0
	for scanner.Scan() {
		lineNo++
		line := strings.TrimRight(scanner.Text(), "\r")
		if lineNo == 1 && source == SourceDelphi {
			if !strings.HasPrefix(line, headerPrefix) {
				return nil, fmt.Errorf("line 1: not a legacy exchange file (header %q)", line)
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, dictionaryPrefix) || !strings.Contains(line, "|") {
			continue // period, summary and dictionary lines
		}
		card, err := parseLine(line, source)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lineNo, err)
		}
		cards = append(cards, card)
	}
	return cards, scanner.Err()
}

func parseLine(line string, source Source) (Card, error) {
	fields := strings.Split(line, "|")
	if len(fields) < cardFields {
		// Seen in the 2004 exports: lines cut at 255 characters by the old exporter.
		return Card{}, fmt.Errorf("truncated card line: %d of %d fields", len(fields), cardFields)
	}
	cardNo, err := strconv.Atoi(strings.TrimSpace(fields[0]))
	if err != nil {
		return Card{}, fmt.Errorf("card number %q: %w", fields[0], err)
	}
	regDate, err := parseDate(fields[2])
	if err != nil {
		return Card{}, fmt.Errorf("card %d: %w", cardNo, err)
	}
	kind, err := parseKind(fields[3], source)
	if err != nil {
		return Card{}, fmt.Errorf("card %d: %w", cardNo, err)
	}
	pages, _ := strconv.Atoi(fields[6])
	scans := -1
	if len(fields) > cardFields {
		if n, err := strconv.Atoi(fields[8]); err == nil {
			scans = n
		}
	}
	return Card{
		Document: archive.Document{
			RegNumber:     fields[1],
			RegDate:       regDate,
			Kind:          kind,
			Title:         fields[4],
			Correspondent: fields[5],
			PageCount:     pages,
			LegacyCardNo:  &cardNo,
		},
		StoragePlace: fields[7],
		ScanCount:    scans,
	}, nil
}

func parseDate(value string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, value); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("registration date %q is neither dd.mm.yyyy nor yyyy-mm-dd", value)
}

func parseKind(value string, source Source) (archive.Kind, error) {
	if source == SourceOracle {
		code, err := strconv.Atoi(value)
		if err != nil || code < int(archive.KindIncoming) || code > int(archive.KindAppeal) {
			return 0, fmt.Errorf("unknown document kind code %q", value)
		}
		return archive.Kind(code), nil
	}
	kind, ok := kindNames[value]
	if !ok {
		return 0, fmt.Errorf("unknown document kind %q", value)
	}
	return kind, nil
}
