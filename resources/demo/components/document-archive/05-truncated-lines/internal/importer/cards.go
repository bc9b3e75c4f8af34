// Package importer reads the exchange files of the legacy archive system ("АИС Архив") and
// turns them into document cards. The files are in windows-1251, one card per line:
//
//	card no|reg number|reg date (dd.mm.yyyy)|kind name|title|correspondent|pages|storage place
//
// The first two lines and the last line are a header and a summary written by the Delphi
// exporter (legacy/delphi/ArchiveExport.pas).
package importer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
)

const headerPrefix = "АИС Архив: обменный файл"

// kindNames maps the Russian kind names written by the exporter (DocKindNames) to kinds.
var kindNames = map[string]archive.Kind{
	"Входящий":             archive.KindIncoming,
	"Исходящий":            archive.KindOutgoing,
	"Внутренний":           archive.KindInternal,
	"Приказ":               archive.KindOrder,
	"Договор":              archive.KindContract,
	"Обращение гражданина": archive.KindAppeal,
}

// Card is one parsed line, with the storage place kept as text (fond-opis-delo).
type Card struct {
	Document     archive.Document
	StoragePlace string
}

// ReadCards decodes a windows-1251 exchange file and parses every card line.
func ReadCards(r io.Reader) ([]Card, error) {
	scanner := bufio.NewScanner(charmap.Windows1251.NewDecoder().Reader(r))
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)

	var cards []Card
	lineNo := 0
	for scanner.Scan() {
		lineNo++
		line := strings.TrimRight(scanner.Text(), "\r")
		if lineNo == 1 {
			if !strings.HasPrefix(line, headerPrefix) {
				return nil, fmt.Errorf("line 1: not a legacy exchange file (header %q)", line)
			}
			continue
		}
		if line == "" || !strings.Contains(line, "|") {
			continue // period line and summary line
		}
		card, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lineNo, err)
		}
		cards = append(cards, card)
	}
	return cards, scanner.Err()
}

// cardFields is the number of fields of a card line in format version 3.
const cardFields = 8

func parseLine(line string) (Card, error) {
	fields := strings.Split(line, "|")
	if len(fields) < cardFields {
		// Seen in the 2004 exports: lines cut at 255 characters by the old exporter.
		return Card{}, fmt.Errorf("truncated card line: %d of %d fields", len(fields), cardFields)
	}
	cardNo, err := strconv.Atoi(fields[0])
	if err != nil {
		return Card{}, fmt.Errorf("card number %q: %w", fields[0], err)
	}
	regDate, err := time.Parse("02.01.2006", fields[2])
	if err != nil {
		return Card{}, fmt.Errorf("card %d: registration date %q: %w", cardNo, fields[2], err)
	}
	kind, ok := kindNames[fields[3]]
	if !ok {
		return Card{}, fmt.Errorf("card %d: unknown document kind %q", cardNo, fields[3])
	}
	pages, _ := strconv.Atoi(fields[6])
	card := Card{
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
	}
	return card, nil
}
