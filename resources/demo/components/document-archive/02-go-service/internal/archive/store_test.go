package archive

import (
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	valid := Document{RegNumber: "12-04/317", RegDate: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Kind: KindOrder, Title: "Приказ о создании комиссии"}
	if err := valid.Validate(); err != nil {
		t.Fatalf("valid card rejected: %v", err)
	}

	cases := map[string]func(d *Document){
		"no reg number": func(d *Document) { d.RegNumber = "" },
		"no title":      func(d *Document) { d.Title = "" },
		"no date":       func(d *Document) { d.RegDate = time.Time{} },
		"unknown kind":  func(d *Document) { d.Kind = 42 },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			d := valid
			mutate(&d)
			if err := d.Validate(); err != ErrInvalid {
				t.Fatalf("Validate() = %v, want ErrInvalid", err)
			}
		})
	}
}
