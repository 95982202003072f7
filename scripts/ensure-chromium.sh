#!/usr/bin/env bash
# The web console's browser tests drive Debian's chromium package (playwright-core, no browser
# download). Installs it with apt-get when it is missing; CHROMIUM_PATH names another binary.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $chromium is missing and apt-get is not available; install chromium or set CHROMIUM_PATH" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "ensure-chromium: installing chromium needs root (or sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "ensure-chromium: installing Debian's chromium package"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x "$chromium" ] || { echo "ensure-chromium: chromium installed, but $chromium is not there; set CHROMIUM_PATH" >&2; exit 1; }
