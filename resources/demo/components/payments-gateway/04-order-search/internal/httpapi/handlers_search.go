package httpapi

import (
	"net/http"
	"strconv"
)

// searchTransactions: GET /api/v1/support/transactions?merchant=MJ-ASTANA&ref=FINE-2025&sort=amount_tiyn&limit=50
func (s *Server) searchTransactions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	merchant := q.Get("merchant")
	ref := q.Get("ref")
	if merchant == "" || len(ref) < 3 {
		writeJSON(w, http.StatusBadRequest, errorBody{"BAD_REQUEST", "merchant and at least 3 characters of ref are required"})
		return
	}
	limit, _ := strconv.Atoi(q.Get("limit"))
	found, err := s.support.SearchByOrderRef(r.Context(), merchant, ref, q.Get("sort"), limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": found, "count": len(found)})
}
