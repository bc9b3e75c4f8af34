package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
)

const maxBodyBytes = 64 << 10

func (s *Server) createPayment(w http.ResponseWriter, r *http.Request) {
	var req payments.CreateRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "malformed JSON body"})
		return
	}
	tx, err := s.payments.Create(r.Context(), req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, tx)
}

func (s *Server) getPayment(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "id must be a UUID"})
		return
	}
	tx, err := s.payments.Get(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, tx)
}
