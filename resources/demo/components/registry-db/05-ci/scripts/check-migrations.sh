#!/usr/bin/env bash
# CI guard for migrations:
#   * file names follow V<nnn>__<snake_case>.sql and versions are unique and without gaps;
#   * migrations that exist on the base branch are never modified or deleted.
set -euo pipefail

base=${1:-origin/main}
cd "$(dirname "$0")/.."
status=0

expected=1
for file in $(ls migrations | sort); do
  if [[ ! "$file" =~ ^V([0-9]{3})__[a-z0-9_]+\.sql$ ]]; then
    echo "bad migration file name: $file" >&2
    status=1
    continue
  fi
  version=$((10#${BASH_REMATCH[1]}))
  if (( version != expected )); then
    echo "migration version $version found, expected $expected" >&2
    status=1
  fi
  expected=$((version + 1))
done

if git rev-parse --verify --quiet "$base" > /dev/null; then
  changed=$(git diff --name-only --diff-filter=MDR "$base"...HEAD -- migrations/)
  if [[ -n "$changed" ]]; then
    echo "released migrations must not be changed:" >&2
    echo "$changed" >&2
    status=1
  fi
fi

exit $status
