package archive

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Query is a v2 search request. All fields are optional.
type Query struct {
	Text   string
	Kind   *Kind
	From   time.Time
	To     time.Time
	Limit  int
	Cursor string
}

// Page of search results; NextCursor is empty on the last page.
type Page struct {
	Items      []Document `json:"items"`
	NextCursor string     `json:"nextCursor,omitempty"`
}

// Search runs a keyset-paginated full-text search. Ordering is (reg_date, id), so the cursor
// is the last row's reg_date and id.
func (s *Store) Search(ctx context.Context, q Query) (*Page, error) {
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 20
	}
	var (
		where []string
		args  []any
	)
	add := func(cond string, value any) {
		args = append(args, value)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if q.Text != "" {
		add("to_tsvector('russian', title) @@ plainto_tsquery('russian', $%d)", q.Text)
	}
	if q.Kind != nil {
		add("kind = $%d", int(*q.Kind))
	}
	if !q.From.IsZero() {
		add("reg_date >= $%d", q.From)
	}
	if !q.To.IsZero() {
		add("reg_date <= $%d", q.To)
	}
	if q.Cursor != "" {
		date, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, fmt.Errorf("%w: bad cursor", ErrInvalid)
		}
		args = append(args, date, id)
		where = append(where, fmt.Sprintf("(reg_date, id) > ($%d, $%d)", len(args)-1, len(args)))
	}
	sql := `SELECT id, reg_number, reg_date, kind, title, correspondent, page_count,
	               content_sha256, content_type, size_bytes, created_at
	          FROM documents`
	if len(where) > 0 {
		sql += " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, q.Limit+1)
	sql += fmt.Sprintf(" ORDER BY reg_date, id LIMIT $%d", len(args))

	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	page := &Page{}
	for rows.Next() {
		var d Document
		if err := rows.Scan(&d.ID, &d.RegNumber, &d.RegDate, &d.Kind, &d.Title, &d.Correspondent, &d.PageCount,
			&d.ContentSHA256, &d.ContentType, &d.SizeBytes, &d.CreatedAt); err != nil {
			return nil, err
		}
		page.Items = append(page.Items, d)
	}
	if len(page.Items) > q.Limit {
		last := page.Items[q.Limit-1]
		page.Items = page.Items[:q.Limit]
		page.NextCursor = encodeCursor(last.RegDate, last.ID)
	}
	return page, rows.Err()
}

func encodeCursor(date time.Time, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(date.Format("2006-01-02") + "|" + id.String()))
}

func decodeCursor(cursor string) (time.Time, uuid.UUID, error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return time.Time{}, uuid.Nil, err
	}
	datePart, idPart, ok := strings.Cut(string(raw), "|")
	if !ok {
		return time.Time{}, uuid.Nil, fmt.Errorf("no separator")
	}
	date, err := time.Parse("2006-01-02", datePart)
	if err != nil {
		return time.Time{}, uuid.Nil, err
	}
	id, err := uuid.Parse(idPart)
	return date, id, err
}
