#!/usr/bin/env bash
# Restores a backup made by backup.sh into a NEW database, never over the running one.
# Usage: restore.sh /var/backups/registry/registry-20250301-013000.dump registry_restore
set -euo pipefail

dump=${1:?usage: restore.sh <dump file> <new database name>}
database=${2:?usage: restore.sh <dump file> <new database name>}

if [[ "$database" == "registry" ]]; then
  echo "refusing to restore over the production database name" >&2
  exit 2
fi
sha256sum --check "$dump.sha256"

createdb "$database"
pg_restore --exit-on-error --no-owner --role=registry_owner --dbname="$database" "$dump"
psql -v ON_ERROR_STOP=1 -d "$database" -c "ANALYZE;"
echo "restored $dump into $database"
