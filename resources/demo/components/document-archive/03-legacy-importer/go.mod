module gitlab.vendor.example.kz/qyzmet/document-archive

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/google/uuid v1.6.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/minio/minio-go/v7 v7.0.69
	golang.org/x/text v0.14.0
)
