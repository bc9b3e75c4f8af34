package acquirer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Register is retried on network errors and 5xx answers: the bank's API deduplicates by
// order_id, so repeating a registration is safe.
const (
	maxAttempts  = 3
	firstBackoff = 300 * time.Millisecond
)

var errRetryable = errors.New("retryable acquirer failure")

// Client registers payments with the acquiring bank's e-commerce API and returns the URL
// of the bank's payment page, where the citizen enters card details (we never see them).
type Client struct {
	baseURL    string
	merchantID string
	apiKey     string
	http       *http.Client
}

func NewClient(baseURL, merchantID, apiKey string) *Client {
	return &Client{
		baseURL:    baseURL,
		merchantID: merchantID,
		apiKey:     apiKey,
		http:       &http.Client{Timeout: 15 * time.Second},
	}
}

type registerRequest struct {
	MerchantID  string `json:"merchant_id"`
	OrderID     string `json:"order_id"`
	Amount      int64  `json:"amount"`
	Currency    string `json:"currency"`
	Description string `json:"description"`
	CallbackURL string `json:"callback_url"`
}

type registerResponse struct {
	PaymentURL string `json:"payment_url"`
	BankRef    string `json:"bank_ref"`
}

// Register announces a payment and returns the bank's payment page URL and reference.
func (c *Client) Register(ctx context.Context, orderID string, amountTiyn int64, description, callbackURL string) (paymentURL, bankRef string, err error) {
	body, err := json.Marshal(registerRequest{
		MerchantID:  c.merchantID,
		OrderID:     orderID,
		Amount:      amountTiyn,
		Currency:    "398", // ISO 4217 numeric code of KZT
		Description: description,
		CallbackURL: callbackURL,
	})
	if err != nil {
		return "", "", err
	}
	backoff := firstBackoff
	for attempt := 1; ; attempt++ {
		out, err := c.register(ctx, body)
		if err == nil {
			return out.PaymentURL, out.BankRef, nil
		}
		if !errors.Is(err, errRetryable) || attempt == maxAttempts {
			return "", "", fmt.Errorf("acquirer register (attempt %d): %w", attempt, err)
		}
		select {
		case <-ctx.Done():
			return "", "", ctx.Err()
		case <-time.After(backoff):
			backoff *= 2
		}
	}
}

func (c *Client) register(ctx context.Context, body []byte) (*registerResponse, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v2/orders", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.apiKey)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errRetryable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return nil, fmt.Errorf("%w: status %d", errRetryable, resp.StatusCode)
	case resp.StatusCode != http.StatusCreated:
		return nil, fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	var out registerResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("decode answer: %w", err)
	}
	return &out, nil
}
