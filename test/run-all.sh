#!/usr/bin/env bash
# `npm test`: every check in order (typecheck, lint, unit, integration on PGlite and, with
# TEST_DATABASE_URL, PostgreSQL, production build, browser tests), then each stage's time.
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
run_stage() {
  local name="$1" started=$SECONDS
  shift
  echo "== $name"
  "$@"
  times+=("$(printf '%-12s %5d s' "$name" $((SECONDS - started)))")
}
trap 'echo "== stage times"; printf "%s\n" "${times[@]}"' EXIT

run_stage typecheck   npm run typecheck
run_stage lint        npm run lint
run_stage unit        npm run test:unit
run_stage integration npm run test:integration
run_stage build       npm run build
run_stage e2e         npm run test:e2e
