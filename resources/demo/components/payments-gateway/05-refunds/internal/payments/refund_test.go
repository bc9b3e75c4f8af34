package payments

import (
	"context"
	"errors"
	"testing"
)

type refundLog struct{ refunds []*Refund }

func (r *refundLog) InsertRefund(_ context.Context, refund *Refund) error {
	r.refunds = append(r.refunds, refund)
	return nil
}

func TestRefundOnlyPaidTransactions(t *testing.T) {
	repo := newMemoryRepo()
	log := &refundLog{}
	svc := newService(repo, fakeAcquirer{}).WithRefunds(log)
	created, _ := svc.Create(context.Background(), validRequest)

	if _, err := svc.Refund(context.Background(), created.Transaction.ID, "duplicate payment", "officer-17"); !errors.Is(err, ErrBadTransition) {
		t.Fatalf("refund of a pending payment: err = %v, want ErrBadTransition", err)
	}

	_ = svc.HandleCallback(context.Background(), CallbackResult{PaymentID: created.Transaction.ID, Status: "PAID"})
	refund, err := svc.Refund(context.Background(), created.Transaction.ID, "duplicate payment", "officer-17")
	if err != nil {
		t.Fatal(err)
	}
	if refund.AmountTiyn != validRequest.AmountTiyn || len(log.refunds) != 1 {
		t.Fatalf("unexpected refund %+v", refund)
	}
	if _, err := svc.Refund(context.Background(), created.Transaction.ID, "again", "officer-17"); !errors.Is(err, ErrBadTransition) {
		t.Fatalf("second refund: err = %v, want ErrBadTransition", err)
	}
}
