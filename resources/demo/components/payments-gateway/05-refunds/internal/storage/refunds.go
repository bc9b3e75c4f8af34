package storage

import (
	"context"
	"fmt"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
)

func (r *TransactionRepo) InsertRefund(ctx context.Context, refund *payments.Refund) error {
	row := r.db.QueryRow(ctx,
		`INSERT INTO refunds (id, transaction_id, amount_tiyn, reason, requested_by)
		 VALUES ($1, $2, $3, $4, $5)
		 RETURNING created_at`,
		refund.ID, refund.TransactionID, refund.AmountTiyn, refund.Reason, refund.RequestedBy)
	if err := row.Scan(&refund.CreatedAt); err != nil {
		return fmt.Errorf("insert refund: %w", err)
	}
	return nil
}
