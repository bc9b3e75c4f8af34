package acquirer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

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
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v2/orders", bytes.NewReader(body))
	if err != nil {
		return "", "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.apiKey)

	resp, err := c.http.Do(req)
	if err != nil {
		return "", "", fmt.Errorf("acquirer register: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", "", fmt.Errorf("acquirer register: unexpected status %d", resp.StatusCode)
	}
	var out registerResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", "", fmt.Errorf("acquirer register: decode answer: %w", err)
	}
	return out.PaymentURL, out.BankRef, nil
}
