package payments

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"
)

// Repository is implemented by storage.TransactionRepo.
type Repository interface {
	Insert(ctx context.Context, tx *Transaction) error
	Get(ctx context.Context, id uuid.UUID) (*Transaction, error)
	UpdateStatus(ctx context.Context, id uuid.UUID, from, to Status) error
}

// Acquirer is implemented by acquirer.Client.
type Acquirer interface {
	Register(ctx context.Context, orderID string, amountTiyn int64, description, callbackURL string) (paymentURL, bankRef string, err error)
}

type Service struct {
	repo        Repository
	acquirer    Acquirer
	callbackURL string
	log         *slog.Logger
}

func NewService(repo Repository, acquirer Acquirer, callbackURL string, log *slog.Logger) *Service {
	return &Service{repo: repo, acquirer: acquirer, callbackURL: callbackURL, log: log}
}

// Created is the answer to a new payment: where to send the citizen to pay.
type Created struct {
	Transaction *Transaction `json:"transaction"`
	PaymentURL  string       `json:"paymentUrl"`
}

func (s *Service) Create(ctx context.Context, req CreateRequest) (*Created, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	tx := &Transaction{
		ID:         uuid.New(),
		MerchantID: req.MerchantID,
		OrderRef:   req.OrderRef,
		AmountTiyn: req.AmountTiyn,
		Currency:   req.Currency,
		Status:     StatusNew,
	}
	if err := s.repo.Insert(ctx, tx); err != nil {
		return nil, err
	}
	url, bankRef, err := s.acquirer.Register(ctx, tx.ID.String(), tx.AmountTiyn, "State fee "+tx.OrderRef, s.callbackURL)
	if err != nil {
		_ = s.repo.UpdateStatus(ctx, tx.ID, StatusNew, StatusFailed)
		return nil, fmt.Errorf("register payment %s with acquirer: %w", tx.ID, err)
	}
	if err := s.repo.UpdateStatus(ctx, tx.ID, StatusNew, StatusPending); err != nil {
		return nil, err
	}
	tx.Status = StatusPending
	s.log.InfoContext(ctx, "payment registered", "id", tx.ID, "bank_ref", bankRef, "amount_tiyn", tx.AmountTiyn)
	return &Created{Transaction: tx, PaymentURL: url}, nil
}

func (s *Service) Get(ctx context.Context, id uuid.UUID) (*Transaction, error) {
	return s.repo.Get(ctx, id)
}

// CallbackResult is the body of the bank's (already signature-checked) callback.
type CallbackResult struct {
	PaymentID uuid.UUID `json:"paymentId"`
	Status    string    `json:"status"`
	BankRef   string    `json:"bankRef"`
}

// HandleCallback records the outcome of a payment. Callbacks may be repeated by the bank;
// a repeated callback for a finished payment is accepted and ignored.
func (s *Service) HandleCallback(ctx context.Context, cb CallbackResult) error {
	var to Status
	switch cb.Status {
	case "PAID":
		to = StatusPaid
	case "DECLINED", "EXPIRED":
		to = StatusFailed
	default:
		return fmt.Errorf("unknown callback status %q", cb.Status)
	}
	err := s.repo.UpdateStatus(ctx, cb.PaymentID, StatusPending, to)
	if err == ErrBadTransition {
		current, getErr := s.repo.Get(ctx, cb.PaymentID)
		if getErr == nil && current.Status == to {
			return nil
		}
	}
	if err == nil {
		s.log.InfoContext(ctx, "payment finished", "id", cb.PaymentID, "status", to, "bank_ref", cb.BankRef)
	}
	return err
}
