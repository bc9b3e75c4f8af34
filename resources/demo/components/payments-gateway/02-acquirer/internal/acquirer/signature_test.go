package acquirer

import (
	"errors"
	"testing"
	"time"
)

var secret = []byte("test-secret-not-used-anywhere")

func TestVerifyAcceptsFreshSignature(t *testing.T) {
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"paymentId":"6b1f0c2e-1b8a-4a43-9a57-1f7d2c4b9e10","status":"PAID"}`)
	header := Sign(secret, body, now.Add(-time.Minute))
	if err := Verify(secret, header, body, now); err != nil {
		t.Fatalf("Verify() = %v, want nil", err)
	}
}

func TestVerifyRejects(t *testing.T) {
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"status":"PAID"}`)
	tests := []struct {
		name   string
		header string
		body   []byte
		want   error
	}{
		{"tampered body", Sign(secret, body, now), []byte(`{"status":"FAILED"}`), ErrSignatureMismatch},
		{"other secret", Sign([]byte("other"), body, now), body, ErrSignatureMismatch},
		{"too old", Sign(secret, body, now.Add(-10*time.Minute)), body, ErrStaleCallback},
		{"from the future", Sign(secret, body, now.Add(10*time.Minute)), body, ErrStaleCallback},
		{"no signature", "t=1741597200", body, ErrMalformedSignature},
		{"not hex", "t=1741597200,v1=zz", body, ErrMalformedSignature},
		{"empty", "", body, ErrMalformedSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Verify(secret, tt.header, tt.body, now); !errors.Is(err, tt.want) {
				t.Fatalf("Verify() = %v, want %v", err, tt.want)
			}
		})
	}
}
