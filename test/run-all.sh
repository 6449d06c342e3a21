#!/usr/bin/env bash
# `npm test`: every check (typecheck, lint and unit side by side, then integration on PGlite and,
# with TEST_DATABASE_URL, PostgreSQL, the production build with its PGlite template, browser
# tests), then each stage's time. With STAGE_TIMES_FILE set, the times are appended there too
# (.ci/run prints them with its own at the very end).
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
record() {
  local line
  line="$(printf '%-12s %5d s' "$1" "$2")"
  times+=("$line")
  if [[ -n "${STAGE_TIMES_FILE:-}" ]]; then echo "$line" >>"$STAGE_TIMES_FILE"; fi
}
run_stage() {
  local name="$1" started=$SECONDS
  shift
  echo "== $name"
  "$@"
  record "$name" $((SECONDS - started))
}
trap 'echo "== stage times"; printf "%s\n" "${times[@]}"' EXIT

# Typecheck, lint and unit tests share nothing: run them side by side (each prints its own
# output when done, so logs do not interleave), and fail if any failed.
checks() {
  local dir pids=() names=(typecheck lint unit) failed=0 index started=$SECONDS
  dir="$(mktemp -d)"
  for name in "${names[@]}"; do
    (
      begun=$SECONDS
      status=0
      npm run --silent "$( [[ $name == unit ]] && echo test:unit || echo "$name")" >"$dir/$name.log" 2>&1 || status=$?
      echo "$((SECONDS - begun)) $status" >"$dir/$name.result"
    ) &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  for index in "${!names[@]}"; do
    local name="${names[$index]}" seconds status
    read -r seconds status <"$dir/$name.result"
    echo "== $name (${seconds} s, side by side)"
    cat "$dir/$name.log"
    record "$name" "$seconds"
    if [[ "$status" != 0 ]]; then failed=1; fi
  done
  rm -rf "$dir"
  record "checks" $((SECONDS - started))
  return "$failed"
}

checks
run_stage integration npm run test:integration
# The typecheck above passed: the build need not check the same types again.
run_stage build       env FRICTIONLOG_TYPES_CHECKED=1 npm run build
run_stage e2e         npm run test:e2e
