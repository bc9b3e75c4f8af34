package acquirer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"time"
)

// The bank signs every callback with HMAC-SHA256 over "<timestamp>.<body>" and sends
// the result in the X-Signature header as "t=<unix seconds>,v1=<hex>".

// MaxClockSkew is how old (or how far in the future) a signed callback may be.
const MaxClockSkew = 5 * time.Minute

var (
	ErrMalformedSignature = errors.New("malformed X-Signature header")
	ErrSignatureMismatch  = errors.New("callback signature does not match")
	ErrStaleCallback      = errors.New("callback timestamp outside the allowed window")
)

// Sign computes the header value for body at time t (used in tests and by the bank simulator).
func Sign(secret []byte, body []byte, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac(secret, ts, body))
}

// Verify checks the X-Signature header of a callback against its raw body.
func Verify(secret []byte, header string, body []byte, now time.Time) error {
	ts, sig, err := parseHeader(header)
	if err != nil {
		return err
	}
	seconds, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrMalformedSignature
	}
	if d := now.Sub(time.Unix(seconds, 0)); d > MaxClockSkew || d < -MaxClockSkew {
		return ErrStaleCallback
	}
	given, err := hex.DecodeString(sig)
	if err != nil {
		return ErrMalformedSignature
	}
	if !hmac.Equal(given, mac(secret, ts, body)) {
		return ErrSignatureMismatch
	}
	return nil
}

func mac(secret []byte, ts string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(ts))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}

func parseHeader(header string) (ts, sig string, err error) {
	for _, part := range splitComma(header) {
		switch {
		case len(part) > 2 && part[:2] == "t=":
			ts = part[2:]
		case len(part) > 3 && part[:3] == "v1=":
			sig = part[3:]
		}
	}
	if ts == "" || sig == "" {
		return "", "", ErrMalformedSignature
	}
	return ts, sig, nil
}

func splitComma(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}
