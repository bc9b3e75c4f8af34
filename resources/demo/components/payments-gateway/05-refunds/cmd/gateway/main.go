package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/acquirer"
	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/config"
	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/httpapi"
	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/storage"
)

var version = "dev"

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(logger); err != nil {
		logger.Error("gateway stopped", "error", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := storage.Connect(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()

	bank := acquirer.NewClient(cfg.AcquirerURL, cfg.AcquirerMerchantID, cfg.AcquirerAPIKey)
	repo := storage.NewTransactionRepo(db)
	service := payments.NewService(repo, bank, cfg.PublicURL+"/callbacks/acquirer", logger).WithRefunds(repo)
	server := &http.Server{
		Addr:              cfg.ListenAddr,
		Handler:           httpapi.NewServer(service, repo, []byte(cfg.AcquirerCallbackSecret), logger).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}

	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdownCtx)
	}()

	logger.Info("payments-gateway listening", "addr", cfg.ListenAddr, "version", version)
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
