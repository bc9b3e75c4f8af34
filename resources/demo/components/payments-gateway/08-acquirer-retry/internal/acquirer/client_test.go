package acquirer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func TestRegisterRetriesServerErrors(t *testing.T) {
	var calls atomic.Int32
	bank := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer test-key" {
			t.Errorf("missing API key")
		}
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"payment_url":"https://pay.test/p/1","bank_ref":"R-1"}`))
	}))
	defer bank.Close()

	url, ref, err := NewClient(bank.URL, "MJ-ASTANA", "test-key").Register(context.Background(), "order-1", 1000, "fee", "https://cb")
	if err != nil {
		t.Fatal(err)
	}
	if url != "https://pay.test/p/1" || ref != "R-1" || calls.Load() != 3 {
		t.Fatalf("got %q %q after %d calls", url, ref, calls.Load())
	}
}

func TestRegisterDoesNotRetryClientErrors(t *testing.T) {
	var calls atomic.Int32
	bank := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusUnprocessableEntity)
	}))
	defer bank.Close()

	if _, _, err := NewClient(bank.URL, "MJ-ASTANA", "k").Register(context.Background(), "order-1", 1000, "fee", "https://cb"); err == nil {
		t.Fatal("expected an error")
	}
	if calls.Load() != 1 {
		t.Fatalf("calls = %d, want 1", calls.Load())
	}
}
