package config

import (
	"errors"
	"os"
)

// Config is read from the environment only (twelve-factor); see deploy/helm/values.yaml.
type Config struct {
	ListenAddr  string
	DatabaseURL string
	PublicURL   string

	AcquirerURL        string
	AcquirerMerchantID string
	AcquirerAPIKey     string
	// AcquirerCallbackSecret verifies the HMAC signature of the bank's callbacks.
	AcquirerCallbackSecret string
}

func Load() (Config, error) {
	cfg := Config{
		ListenAddr:             getenv("LISTEN_ADDR", ":8090"),
		DatabaseURL:            os.Getenv("DATABASE_URL"),
		PublicURL:              os.Getenv("PUBLIC_URL"),
		AcquirerURL:            getenv("ACQUIRER_URL", "https://ecom.acquirer.example.kz"),
		AcquirerMerchantID:     os.Getenv("ACQUIRER_MERCHANT_ID"),
		AcquirerAPIKey:         os.Getenv("ACQUIRER_API_KEY"),
		AcquirerCallbackSecret: os.Getenv("ACQUIRER_CALLBACK_SECRET"),
	}
	var missing []error
	for name, value := range map[string]string{
		"DATABASE_URL":             cfg.DatabaseURL,
		"PUBLIC_URL":               cfg.PublicURL,
		"ACQUIRER_MERCHANT_ID":     cfg.AcquirerMerchantID,
		"ACQUIRER_API_KEY":         cfg.AcquirerAPIKey,
		"ACQUIRER_CALLBACK_SECRET": cfg.AcquirerCallbackSecret,
	} {
		if value == "" {
			missing = append(missing, errors.New(name+" is not set"))
		}
	}
	return cfg, errors.Join(missing...)
}

func getenv(name, fallback string) string {
	if value, ok := os.LookupEnv(name); ok && value != "" {
		return value
	}
	return fallback
}
