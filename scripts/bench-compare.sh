#!/usr/bin/env bash
# Runs bench:hub of an older commit and then of this checkout, one after the other on the same machine,
# so a speed-up is measured against the same broker, load and passthrough (issue 21 asks for both).
# Usage: bash scripts/bench-compare.sh [old-commit] (default 1cf79e9, the hub before issue 21).
# The BENCH_* variables apply to both runs. Output: one JSON line per run, prefixed "old"/"new".
set -euo pipefail
cd "$(dirname "$0")/.."
old_commit="${1:-1cf79e9}"
old_tree="$(mktemp -d)/lienthong-old"
trap 'git worktree remove --force "$old_tree" >/dev/null 2>&1 || true' EXIT

git worktree add --detach "$old_tree" "$old_commit" >/dev/null
ln -s "$PWD/node_modules" "$old_tree/node_modules"
echo "[bench-compare] building $old_commit" >&2
(cd "$old_tree" && npm run --silent build)
echo "[bench-compare] old: $old_commit" >&2
old_json="$(cd "$old_tree" && node dist/bench/hub.bench.js | tail -1)"
echo "[bench-compare] new: $(git rev-parse --short HEAD)" >&2
new_json="$(npm run --silent bench:hub | tail -1)"
echo "old $old_json"
echo "new $new_json"
