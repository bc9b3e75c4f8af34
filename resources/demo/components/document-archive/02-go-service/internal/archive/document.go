package archive

import (
	"errors"
	"time"

	"github.com/google/uuid"
)

// Kind of an archived document; the codes match the legacy system's TDocKind order.
type Kind int

const (
	KindIncoming Kind = iota
	KindOutgoing
	KindInternal
	KindOrder
	KindContract
	KindAppeal
)

// Document is the card of an archived document. The content lives in object storage under
// ContentKey and is addressed by its SHA-256, so identical files are stored once.
type Document struct {
	ID            uuid.UUID  `json:"id"`
	RegNumber     string     `json:"regNumber"`
	RegDate       time.Time  `json:"regDate"`
	Kind          Kind       `json:"kind"`
	Title         string     `json:"title"`
	Correspondent string     `json:"correspondent,omitempty"`
	PageCount     int        `json:"pageCount"`
	ContentKey    string     `json:"-"`
	ContentSHA256 string     `json:"contentSha256"`
	ContentType   string     `json:"contentType"`
	SizeBytes     int64      `json:"sizeBytes"`
	Replaces      *uuid.UUID `json:"replaces,omitempty"`
	// LegacyCardNo is set for documents migrated from the previous archive.
	LegacyCardNo *int      `json:"legacyCardNo,omitempty"`
	CreatedAt    time.Time `json:"createdAt"`
}

var (
	ErrNotFound     = errors.New("document not found")
	ErrInvalid      = errors.New("invalid document card")
	ErrDuplicateReg = errors.New("a document with this registration number already exists")
)

func (d *Document) Validate() error {
	if d.RegNumber == "" || d.Title == "" || d.RegDate.IsZero() {
		return ErrInvalid
	}
	if d.Kind < KindIncoming || d.Kind > KindAppeal {
		return ErrInvalid
	}
	return nil
}
