package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"
)

type refundRequest struct {
	Reason string `json:"reason"`
}

// refundPayment: POST /api/v1/support/payments/{id}/refund, by a support officer.
// The officer's login is set by the ingress from the verified access token.
func (s *Server) refundPayment(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "id must be a UUID"})
		return
	}
	var req refundRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes)).Decode(&req); err != nil || req.Reason == "" {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "reason is required"})
		return
	}
	refund, err := s.payments.Refund(r.Context(), id, req.Reason, r.Header.Get("X-Officer-Login"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, refund)
}
