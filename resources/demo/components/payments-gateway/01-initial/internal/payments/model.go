package payments

import (
	"errors"
	"time"

	"github.com/google/uuid"
)

// Status of a payment transaction. Transitions: NEW -> PENDING -> PAID | FAILED; PAID -> REFUNDED.
type Status string

const (
	StatusNew      Status = "NEW"
	StatusPending  Status = "PENDING"
	StatusPaid     Status = "PAID"
	StatusFailed   Status = "FAILED"
	StatusRefunded Status = "REFUNDED"
)

// Transaction is one payment of a state fee or fine.
type Transaction struct {
	ID         uuid.UUID `json:"id"`
	MerchantID string    `json:"merchantId"`
	OrderRef   string    `json:"orderRef"`
	// AmountTiyn is the amount in tiyn (1/100 KZT).
	AmountTiyn int64     `json:"amountTiyn"`
	Currency   string    `json:"currency"`
	Status     Status    `json:"status"`
	CreatedAt  time.Time `json:"createdAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

// CreateRequest is what a platform service sends to start a payment.
type CreateRequest struct {
	MerchantID string `json:"merchantId"`
	OrderRef   string `json:"orderRef"`
	AmountTiyn int64  `json:"amountTiyn"`
	Currency   string `json:"currency"`
}

var (
	ErrNotFound      = errors.New("transaction not found")
	ErrInvalidAmount = errors.New("amount must be positive and at most 100 000 000 KZT")
	ErrBadCurrency   = errors.New("only KZT is supported")
	ErrBadTransition = errors.New("transaction is not in a state that allows this operation")
)

const maxAmountTiyn = 100_000_000 * 100

func (r CreateRequest) Validate() error {
	if r.AmountTiyn <= 0 || r.AmountTiyn > maxAmountTiyn {
		return ErrInvalidAmount
	}
	if r.Currency != "KZT" {
		return ErrBadCurrency
	}
	if r.MerchantID == "" || r.OrderRef == "" {
		return errors.New("merchantId and orderRef are required")
	}
	return nil
}
