package payments

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
)

// Refund of a paid state fee, e.g. when the service was refused or paid twice.
type Refund struct {
	ID            uuid.UUID `json:"id"`
	TransactionID uuid.UUID `json:"transactionId"`
	AmountTiyn    int64     `json:"amountTiyn"`
	Reason        string    `json:"reason"`
	RequestedBy   string    `json:"requestedBy"`
	CreatedAt     time.Time `json:"createdAt"`
}

// RefundRecorder is implemented by storage.TransactionRepo.
type RefundRecorder interface {
	InsertRefund(ctx context.Context, refund *Refund) error
}

var ErrRefundsDisabled = errors.New("refunds are not configured")

// WithRefunds enables Refund; the gateway wires the PostgreSQL repository here.
func (s *Service) WithRefunds(recorder RefundRecorder) *Service {
	s.refunds = recorder
	return s
}

// Refund returns the full amount of a paid transaction. The status change and the refund row
// are not in one database transaction: a crash in between leaves a REFUNDED payment without
// a row, which the nightly reconciliation report lists.
func (s *Service) Refund(ctx context.Context, id uuid.UUID, reason, officer string) (*Refund, error) {
	if s.refunds == nil {
		return nil, ErrRefundsDisabled
	}
	if reason == "" || officer == "" {
		return nil, errors.New("reason and officer are required")
	}
	tx, err := s.repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.repo.UpdateStatus(ctx, id, StatusPaid, StatusRefunded); err != nil {
		return nil, err
	}
	refund := &Refund{ID: uuid.New(), TransactionID: id, AmountTiyn: tx.AmountTiyn, Reason: reason, RequestedBy: officer}
	if err := s.refunds.InsertRefund(ctx, refund); err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "payment refunded", "id", id, "officer", officer, "amount_tiyn", tx.AmountTiyn)
	return refund, nil
}
