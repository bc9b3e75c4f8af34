package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"gitlab.vendor.example.kz/qyzmet/payments-gateway/internal/payments"
)

type TransactionRepo struct {
	db *pgxpool.Pool
}

func NewTransactionRepo(db *pgxpool.Pool) *TransactionRepo {
	return &TransactionRepo{db: db}
}

const transactionColumns = "id, merchant_id, order_ref, amount_tiyn, currency, status, created_at, updated_at"

func (r *TransactionRepo) Insert(ctx context.Context, tx *payments.Transaction) error {
	row := r.db.QueryRow(ctx,
		`INSERT INTO transactions (id, merchant_id, order_ref, amount_tiyn, currency, status)
		 VALUES ($1, $2, $3, $4, $5, $6)
		 RETURNING created_at, updated_at`,
		tx.ID, tx.MerchantID, tx.OrderRef, tx.AmountTiyn, tx.Currency, tx.Status)
	if err := row.Scan(&tx.CreatedAt, &tx.UpdatedAt); err != nil {
		return fmt.Errorf("insert transaction: %w", err)
	}
	return nil
}

func (r *TransactionRepo) Get(ctx context.Context, id uuid.UUID) (*payments.Transaction, error) {
	row := r.db.QueryRow(ctx, "SELECT "+transactionColumns+" FROM transactions WHERE id = $1", id)
	tx, err := scanTransaction(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, payments.ErrNotFound
	}
	return tx, err
}

// UpdateStatus moves a transaction from one status to another; it fails with ErrBadTransition
// when the transaction is not in the expected status (another request got there first).
func (r *TransactionRepo) UpdateStatus(ctx context.Context, id uuid.UUID, from, to payments.Status) error {
	tag, err := r.db.Exec(ctx,
		"UPDATE transactions SET status = $1, updated_at = now() WHERE id = $2 AND status = $3",
		to, id, from)
	if err != nil {
		return fmt.Errorf("update transaction status: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return payments.ErrBadTransition
	}
	return nil
}

func scanTransaction(row pgx.Row) (*payments.Transaction, error) {
	var tx payments.Transaction
	err := row.Scan(&tx.ID, &tx.MerchantID, &tx.OrderRef, &tx.AmountTiyn, &tx.Currency, &tx.Status, &tx.CreatedAt, &tx.UpdatedAt)
	if err != nil {
		return nil, err
	}
	return &tx, nil
}
