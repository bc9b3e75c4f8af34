package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/acquirer"
	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
)

// acquirerCallback receives the bank's notification about a finished payment.
// The raw body is needed to check the signature, so it is read before decoding.
func (s *Server) acquirerCallback(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "body too large"})
		return
	}
	if err := acquirer.Verify(s.callbackSecret, r.Header.Get("X-Signature"), body, time.Now()); err != nil {
		s.log.WarnContext(r.Context(), "rejected acquirer callback", "error", err, "remote", r.RemoteAddr)
		writeJSON(w, http.StatusUnauthorized, errorBody{"BAD_SIGNATURE", err.Error()})
		return
	}
	var cb payments.CallbackResult
	if err := json.Unmarshal(body, &cb); err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "malformed JSON body"})
		return
	}
	if err := s.payments.HandleCallback(r.Context(), cb); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
