package config

import (
	"errors"
	"os"
)

// Config is read from the environment only (twelve-factor); see deploy/helm/values.yaml.
type Config struct {
	ListenAddr  string
	DatabaseURL string
}

func Load() (Config, error) {
	cfg := Config{
		ListenAddr:  getenv("LISTEN_ADDR", ":8090"),
		DatabaseURL: os.Getenv("DATABASE_URL"),
	}
	if cfg.DatabaseURL == "" {
		return cfg, errors.New("DATABASE_URL is not set")
	}
	return cfg, nil
}

func getenv(name, fallback string) string {
	if value, ok := os.LookupEnv(name); ok && value != "" {
		return value
	}
	return fallback
}
