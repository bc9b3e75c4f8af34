#!/usr/bin/env bash
# Applies pending migrations from migrations/ in version order, then re-creates all functions
# from procedures/. Each migration runs in its own transaction and is recorded in
# registry.schema_version with its checksum; an edited, already applied migration stops the run.
set -euo pipefail

cd "$(dirname "$0")/.."
PSQL=(psql -v ON_ERROR_STOP=1 --no-psqlrc -q -At)

: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGUSER) before running migrations}"

"${PSQL[@]}" -c "CREATE SCHEMA IF NOT EXISTS registry;
  CREATE TABLE IF NOT EXISTS registry.schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), checksum TEXT NOT NULL);"

for file in migrations/V*__*.sql; do
  base=$(basename "$file" .sql)
  version=$((10#${base:1:3}))
  name=${base#*__}
  checksum=$(sha256sum "$file" | cut -d' ' -f1)
  applied=$("${PSQL[@]}" -c "SELECT checksum FROM registry.schema_version WHERE version = $version")
  if [[ -n "$applied" ]]; then
    if [[ "$applied" != "$checksum" ]]; then
      echo "ERROR: $file was changed after it was applied" >&2
      exit 1
    fi
    continue
  fi
  echo "Applying $file (version $version)"
  "${PSQL[@]}" --single-transaction \
    -f "$file" \
    -c "INSERT INTO registry.schema_version (version, name, checksum) VALUES ($version, '$name', '$checksum')"
done

if compgen -G "procedures/*.sql" > /dev/null; then
  for file in procedures/*.sql; do
    echo "Installing $file"
    "${PSQL[@]}" -f "$file"
  done
fi
