package httpapi

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
)

type Server struct {
	payments       *payments.Service
	callbackSecret []byte
	log            *slog.Logger
}

func NewServer(service *payments.Service, callbackSecret []byte, log *slog.Logger) *Server {
	return &Server{payments: service, callbackSecret: callbackSecret, log: log}
}

func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	r.Route("/api/v1/payments", func(r chi.Router) {
		r.Post("/", s.createPayment)
		r.Get("/{id}", s.getPayment)
	})
	// Called by the acquiring bank; authenticated by the HMAC signature, not by a token.
	r.Post("/callbacks/acquirer", s.acquirerCallback)
	return r
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// writeError maps domain errors to HTTP answers; anything unexpected is logged and hidden.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, payments.ErrNotFound):
		writeJSON(w, http.StatusNotFound, errorBody{"NOT_FOUND", err.Error()})
	case errors.Is(err, payments.ErrInvalidAmount), errors.Is(err, payments.ErrBadCurrency):
		writeJSON(w, http.StatusUnprocessableEntity, errorBody{"VALIDATION", err.Error()})
	case errors.Is(err, payments.ErrBadTransition):
		writeJSON(w, http.StatusConflict, errorBody{"CONFLICT", err.Error()})
	default:
		s.log.ErrorContext(r.Context(), "request failed", "error", err, "request_id", middleware.GetReqID(r.Context()))
		writeJSON(w, http.StatusInternalServerError, errorBody{"INTERNAL", "internal error"})
	}
}
