package payments

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/google/uuid"
)

type memoryRepo struct {
	mu   sync.Mutex
	rows map[uuid.UUID]*Transaction
}

func newMemoryRepo() *memoryRepo { return &memoryRepo{rows: map[uuid.UUID]*Transaction{}} }

func (m *memoryRepo) Insert(_ context.Context, tx *Transaction) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	copied := *tx
	m.rows[tx.ID] = &copied
	return nil
}

func (m *memoryRepo) Get(_ context.Context, id uuid.UUID) (*Transaction, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx, ok := m.rows[id]
	if !ok {
		return nil, ErrNotFound
	}
	copied := *tx
	return &copied, nil
}

func (m *memoryRepo) UpdateStatus(_ context.Context, id uuid.UUID, from, to Status) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx, ok := m.rows[id]
	if !ok || tx.Status != from {
		return ErrBadTransition
	}
	tx.Status = to
	return nil
}

type fakeAcquirer struct{ err error }

func (f fakeAcquirer) Register(context.Context, string, int64, string, string) (string, string, error) {
	return "https://pay.acquirer.test/p/123", "BANK-123", f.err
}

func newService(repo Repository, acq Acquirer) *Service {
	return NewService(repo, acq, "https://pay.test/callbacks/acquirer", slog.New(slog.NewTextHandler(io.Discard, nil)))
}

var validRequest = CreateRequest{MerchantID: "MJ-ASTANA", OrderRef: "FINE-2025-000123", AmountTiyn: 1_845_00, Currency: "KZT"}

func TestCreateRegistersWithAcquirer(t *testing.T) {
	repo := newMemoryRepo()
	created, err := newService(repo, fakeAcquirer{}).Create(context.Background(), validRequest)
	if err != nil {
		t.Fatal(err)
	}
	if created.PaymentURL == "" || created.Transaction.Status != StatusPending {
		t.Fatalf("unexpected result %+v", created)
	}
}

func TestCreateMarksFailedWhenAcquirerIsDown(t *testing.T) {
	repo := newMemoryRepo()
	_, err := newService(repo, fakeAcquirer{err: errors.New("connection refused")}).Create(context.Background(), validRequest)
	if err == nil {
		t.Fatal("expected an error")
	}
	for _, tx := range repo.rows {
		if tx.Status != StatusFailed {
			t.Fatalf("status = %s, want FAILED", tx.Status)
		}
	}
}

func TestCreateValidatesAmount(t *testing.T) {
	req := validRequest
	req.AmountTiyn = 0
	if _, err := newService(newMemoryRepo(), fakeAcquirer{}).Create(context.Background(), req); !errors.Is(err, ErrInvalidAmount) {
		t.Fatalf("err = %v, want ErrInvalidAmount", err)
	}
}

func TestRepeatedCallbackIsIgnored(t *testing.T) {
	repo := newMemoryRepo()
	svc := newService(repo, fakeAcquirer{})
	created, _ := svc.Create(context.Background(), validRequest)
	cb := CallbackResult{PaymentID: created.Transaction.ID, Status: "PAID", BankRef: "BANK-123"}
	for i := 0; i < 2; i++ {
		if err := svc.HandleCallback(context.Background(), cb); err != nil {
			t.Fatalf("callback %d: %v", i+1, err)
		}
	}
}
