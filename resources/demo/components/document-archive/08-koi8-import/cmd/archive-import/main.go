// archive-import loads exchange files of the legacy archive into document-archive.
//
//	archive-import -source delphi cards_2010.txt
//	archive-import -source oracle -dry-run /mnt/arch01/exchange/cards_01.01.2003_31.12.2003.txt
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/importer"
)

func main() {
	sourceName := flag.String("source", "delphi", "producer of the file: delphi (windows-1251) or oracle (KOI8-R)")
	dryRun := flag.Bool("dry-run", false, "parse and report, do not write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: archive-import [-source delphi|oracle] [-dry-run] <file>")
		os.Exit(1)
	}
	source := importer.SourceDelphi
	switch *sourceName {
	case "delphi":
	case "oracle":
		source = importer.SourceOracle
	default:
		fmt.Fprintf(os.Stderr, "unknown source %q\n", *sourceName)
		os.Exit(1)
	}

	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	cards, err := importer.ReadCards(f, source)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("%d cards read from %s\n", len(cards), flag.Arg(0))
	if *dryRun {
		return
	}

	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	inserted := 0
	for _, c := range cards {
		d := c.Document
		tag, err := db.Exec(ctx, `
			INSERT INTO legacy_cards (card_no, reg_number, reg_date, kind, title, correspondent, page_count, storage_place, scan_count)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULLIF($9, -1))
			ON CONFLICT (card_no) DO NOTHING`,
			*d.LegacyCardNo, d.RegNumber, d.RegDate, int(d.Kind), d.Title, d.Correspondent, d.PageCount, c.StoragePlace, c.ScanCount)
		if err != nil {
			fmt.Fprintf(os.Stderr, "card %d: %v\n", *d.LegacyCardNo, err)
			os.Exit(3)
		}
		inserted += int(tag.RowsAffected())
	}
	fmt.Printf("%d new cards stored, %d already present\n", inserted, len(cards)-inserted)
}
