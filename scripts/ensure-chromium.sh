#!/usr/bin/env bash
# The web console's browser tests drive Debian's chromium package (playwright-core, no browser
# download). Installs it with apt-get when it is missing; CHROMIUM_PATH names another binary.
set -euo pipefail
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-debian-package.sh" chromium "${CHROMIUM_PATH:-/usr/bin/chromium}" \
  "install chromium or set CHROMIUM_PATH"
