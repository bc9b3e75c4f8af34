package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"

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

// searchSortColumns are the columns the support UI may sort by. The column name cannot be a
// query parameter, so it is looked up here and never taken from the request as is.
var searchSortColumns = map[string]string{
	"created_at":  "created_at",
	"updated_at":  "updated_at",
	"amount_tiyn": "amount_tiyn",
	"status":      "status",
}

// searchQuery builds the support search statement; every value is a bind parameter.
func searchQuery(sort string) string {
	column, ok := searchSortColumns[sort]
	if !ok {
		column = "created_at"
	}
	return "SELECT " + transactionColumns + " FROM transactions " +
		`WHERE merchant_id = $1 AND order_ref LIKE '%' || $2 || '%' ESCAPE '\' ` +
		"ORDER BY " + column + " DESC LIMIT $3"
}

// escapeLike makes % and _ in user input match literally inside LIKE.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// SearchByOrderRef finds a merchant's transactions whose order reference contains ref.
// Used by the support desk ("citizen paid but the fine is still open"); sort is the column
// picked in the support UI table.
func (r *TransactionRepo) SearchByOrderRef(ctx context.Context, merchantID, ref, sort string, limit int) ([]payments.Transaction, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	rows, err := r.db.Query(ctx, searchQuery(sort), merchantID, escapeLike(ref), limit)
	if err != nil {
		return nil, fmt.Errorf("search transactions: %w", err)
	}
	defer rows.Close()

	var result []payments.Transaction
	for rows.Next() {
		tx, err := scanTransaction(rows)
		if err != nil {
			return nil, err
		}
		result = append(result, *tx)
	}
	return result, rows.Err()
}

func scanTransaction(row pgx.Row) (*payments.Transaction, error) {
	var tx payments.Transaction
	err := row.Scan(&tx.ID, &tx.MerchantID, &tx.OrderRef, &tx.AmountTiyn, &tx.Currency, &tx.Status, &tx.CreatedAt, &tx.UpdatedAt)
	if err != nil {
		return nil, err
	}
	return &tx, nil
}
