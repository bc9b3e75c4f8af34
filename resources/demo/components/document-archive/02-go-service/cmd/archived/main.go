package main

import (
	"context"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/archive"
	"gitlab.vendor.example.kz/qyzmet/document-archive/internal/httpapi"
)

func main() {
	listen := flag.String("listen", ":8095", "HTTP listen address")
	flag.Parse()
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("database", "error", err)
		os.Exit(1)
	}
	defer db.Close()

	s3, err := minio.New(os.Getenv("S3_ENDPOINT"), &minio.Options{
		Creds:  credentials.NewEnvAWS(),
		Secure: os.Getenv("S3_INSECURE") != "1",
	})
	if err != nil {
		log.Error("object storage", "error", err)
		os.Exit(1)
	}

	api := httpapi.New(archive.NewStore(db, s3, os.Getenv("S3_BUCKET")), log)
	server := &http.Server{Addr: *listen, Handler: api.Routes(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()
	log.Info("document-archive listening", "addr", *listen)
	if err := server.ListenAndServe(); err != http.ErrServerClosed {
		log.Error("server", "error", err)
		os.Exit(1)
	}
}
