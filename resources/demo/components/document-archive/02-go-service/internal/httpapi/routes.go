package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
)

const maxUploadBytes = 50 << 20

type API struct {
	store *archive.Store
	log   *slog.Logger
}

func New(store *archive.Store, log *slog.Logger) *API {
	return &API{store: store, log: log}
}

func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Route("/api/v1/documents", func(r chi.Router) {
		r.Post("/", a.create)
		r.Get("/{id}", a.get)
		r.Get("/{id}/content", a.content)
	})
	return r
}

func (a *API) create(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, "multipart form expected", http.StatusBadRequest)
		return
	}
	var doc archive.Document
	if err := json.Unmarshal([]byte(r.FormValue("meta")), &doc); err != nil {
		http.Error(w, "meta: "+err.Error(), http.StatusBadRequest)
		return
	}
	file, header, err := r.FormFile("content")
	if err != nil {
		http.Error(w, "content file is required", http.StatusBadRequest)
		return
	}
	defer file.Close()
	doc.ContentType = header.Header.Get("Content-Type")
	if err := a.store.Put(r.Context(), &doc, file, header.Size); err != nil {
		a.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(doc)
}

func (a *API) get(w http.ResponseWriter, r *http.Request) {
	doc, ok := a.load(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(doc)
}

func (a *API) content(w http.ResponseWriter, r *http.Request) {
	doc, ok := a.load(w, r)
	if !ok {
		return
	}
	body, err := a.store.Content(r.Context(), doc)
	if err != nil {
		a.fail(w, err)
		return
	}
	defer body.Close()
	w.Header().Set("Content-Type", doc.ContentType)
	w.Header().Set("ETag", `"`+doc.ContentSHA256+`"`)
	w.Header().Set("Last-Modified", doc.CreatedAt.UTC().Format(time.RFC1123))
	_, _ = io.Copy(w, body)
}

func (a *API) load(w http.ResponseWriter, r *http.Request) (*archive.Document, bool) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return nil, false
	}
	doc, err := a.store.Get(r.Context(), id)
	if err != nil {
		a.fail(w, err)
		return nil, false
	}
	return doc, true
}

func (a *API) fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, archive.ErrNotFound):
		http.Error(w, err.Error(), http.StatusNotFound)
	case errors.Is(err, archive.ErrInvalid):
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
	case errors.Is(err, archive.ErrDuplicateReg):
		http.Error(w, err.Error(), http.StatusConflict)
	default:
		a.log.Error("archive request failed", "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
