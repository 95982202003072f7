#!/usr/bin/env bash
# Installs a Debian package with apt-get when a file it provides is missing (as root, or with sudo).
# Usage: ensure-debian-package.sh <package> <file it provides> [hint when it cannot be installed]
set -euo pipefail
package="$1"
file="$2"
hint="${3:-install $package}"
[ -e "$file" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$package: $file is missing and apt-get is not available; $hint" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "$package: installing it needs root (or sudo); $hint" >&2; exit 1; }
  sudo="sudo"
fi
echo "installing Debian's $package"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
[ -e "$file" ] || { echo "$package installed, but $file is not there; $hint" >&2; exit 1; }
