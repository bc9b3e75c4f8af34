#!/usr/bin/env bash
# Nightly logical backup of the registry database (custom format, compressed), kept 14 days.
# Runs from cron on the DBA host: 30 1 * * * /opt/registry-db/scripts/backup.sh
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/var/backups/registry}
RETENTION_DAYS=${RETENTION_DAYS:-14}
stamp=$(date +%Y%m%d-%H%M%S)
target="$BACKUP_DIR/registry-$stamp.dump"

mkdir -p "$BACKUP_DIR"
pg_dump --format=custom --compress=9 --no-owner --file="$target.partial" "${PGDATABASE:-registry}"
mv "$target.partial" "$target"
sha256sum "$target" > "$target.sha256"

find "$BACKUP_DIR" -name 'registry-*.dump*' -mtime +"$RETENTION_DAYS" -delete
echo "backup written: $target ($(du -h "$target" | cut -f1))"
