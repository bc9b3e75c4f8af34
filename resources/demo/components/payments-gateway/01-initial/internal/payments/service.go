package payments

import (
	"context"
	"log/slog"

	"github.com/google/uuid"
)

// Repository is implemented by storage.TransactionRepo.
type Repository interface {
	Insert(ctx context.Context, tx *Transaction) error
	Get(ctx context.Context, id uuid.UUID) (*Transaction, error)
	UpdateStatus(ctx context.Context, id uuid.UUID, from, to Status) error
}

type Service struct {
	repo Repository
	log  *slog.Logger
}

func NewService(repo Repository, log *slog.Logger) *Service {
	return &Service{repo: repo, log: log}
}

func (s *Service) Create(ctx context.Context, req CreateRequest) (*Transaction, error) {
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
	s.log.InfoContext(ctx, "payment created", "id", tx.ID, "merchant", tx.MerchantID, "amount_tiyn", tx.AmountTiyn)
	return tx, nil
}

func (s *Service) Get(ctx context.Context, id uuid.UUID) (*Transaction, error) {
	return s.repo.Get(ctx, id)
}
