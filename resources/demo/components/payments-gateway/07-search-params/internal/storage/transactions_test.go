package storage

import (
	"strings"
	"testing"
)

func TestSearchQueryUsesOnlyKnownSortColumns(t *testing.T) {
	for _, sort := range []string{"", "created_at", "amount_tiyn", "status", "id; DROP TABLE transactions--", "1=1"} {
		q := searchQuery(sort)
		if strings.Contains(q, "DROP") || strings.Contains(q, "1=1") {
			t.Fatalf("sort %q leaked into the query: %s", sort, q)
		}
		if !strings.Contains(q, "merchant_id = $1") || !strings.Contains(q, "LIMIT $3") {
			t.Fatalf("query is not parameterised: %s", q)
		}
	}
}

func TestEscapeLike(t *testing.T) {
	tests := map[string]string{
		"FINE-2025":  "FINE-2025",
		"100%":       `100\%`,
		"a_b":        `a\_b`,
		`back\slash`: `back\\slash`,
		"' OR '1'='1": "' OR '1'='1",
	}
	for in, want := range tests {
		if got := escapeLike(in); got != want {
			t.Errorf("escapeLike(%q) = %q, want %q", in, got, want)
		}
	}
}
