#!/usr/bin/env bash
# `npm run reconcile|routes:test|lienthong|console -- <args>`: in a checkout, build first; in the image,
# where dist/ is built and the compiler was pruned, run the compiled app as it is.
set -euo pipefail
app=$1
shift
if [ -x node_modules/.bin/tsc ] && [ -z "${LIENTHONG_NO_BUILD:-}" ]; then npm run --silent build >&2; fi
exec node "dist/apps/$app/src/main.js" "$@"
