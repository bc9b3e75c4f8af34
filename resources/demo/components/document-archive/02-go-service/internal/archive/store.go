package archive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/minio/minio-go/v7"
)

// Store keeps document cards in PostgreSQL and content in an S3-compatible bucket.
type Store struct {
	db     *pgxpool.Pool
	s3     *minio.Client
	bucket string
}

func NewStore(db *pgxpool.Pool, s3 *minio.Client, bucket string) *Store {
	return &Store{db: db, s3: s3, bucket: bucket}
}

// Put stores the content and the card. The content is hashed while it is uploaded; the card
// is written only after the upload succeeded, so a card never points to missing content.
func (s *Store) Put(ctx context.Context, doc *Document, content io.Reader, size int64) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	doc.ID = uuid.New()
	hash := sha256.New()
	tmpKey := "incoming/" + doc.ID.String()
	info, err := s.s3.PutObject(ctx, s.bucket, tmpKey, io.TeeReader(content, hash), size,
		minio.PutObjectOptions{ContentType: doc.ContentType})
	if err != nil {
		return fmt.Errorf("upload content: %w", err)
	}
	doc.ContentSHA256 = hex.EncodeToString(hash.Sum(nil))
	doc.ContentKey = "sha256/" + doc.ContentSHA256[:2] + "/" + doc.ContentSHA256
	doc.SizeBytes = info.Size
	if _, err := s.s3.CopyObject(ctx,
		minio.CopyDestOptions{Bucket: s.bucket, Object: doc.ContentKey},
		minio.CopySrcOptions{Bucket: s.bucket, Object: tmpKey}); err != nil {
		return fmt.Errorf("move content: %w", err)
	}
	_ = s.s3.RemoveObject(ctx, s.bucket, tmpKey, minio.RemoveObjectOptions{})

	err = s.db.QueryRow(ctx, `
		INSERT INTO documents (id, reg_number, reg_date, kind, title, correspondent, page_count,
		                       content_key, content_sha256, content_type, size_bytes, replaces, legacy_card_no)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		RETURNING created_at`,
		doc.ID, doc.RegNumber, doc.RegDate, doc.Kind, doc.Title, doc.Correspondent, doc.PageCount,
		doc.ContentKey, doc.ContentSHA256, doc.ContentType, doc.SizeBytes, doc.Replaces, doc.LegacyCardNo,
	).Scan(&doc.CreatedAt)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return ErrDuplicateReg
	}
	return err
}

func (s *Store) Get(ctx context.Context, id uuid.UUID) (*Document, error) {
	var d Document
	err := s.db.QueryRow(ctx, `
		SELECT id, reg_number, reg_date, kind, title, correspondent, page_count, content_key,
		       content_sha256, content_type, size_bytes, replaces, legacy_card_no, created_at
		  FROM documents WHERE id = $1`, id).Scan(
		&d.ID, &d.RegNumber, &d.RegDate, &d.Kind, &d.Title, &d.Correspondent, &d.PageCount, &d.ContentKey,
		&d.ContentSHA256, &d.ContentType, &d.SizeBytes, &d.Replaces, &d.LegacyCardNo, &d.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &d, err
}

// Content opens the stored file of a document.
func (s *Store) Content(ctx context.Context, d *Document) (io.ReadCloser, error) {
	return s.s3.GetObject(ctx, s.bucket, d.ContentKey, minio.GetObjectOptions{})
}
