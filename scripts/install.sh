#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: librdkafka (Debian's librdkafka-dev, which the
# hub's Kafka client node-rdkafka is built against) and the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -f /usr/include/librdkafka/rdkafka.h ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install: librdkafka headers are missing and apt-get is not available; install librdkafka-dev (>= 2.0)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install: installing librdkafka-dev needs root (or sudo)" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install: installing Debian's librdkafka-dev"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends librdkafka-dev >/dev/null
fi
# node-rdkafka links the system librdkafka instead of building its bundled copy (which downloads).
BUILD_LIBRDKAFKA=0 npm ci --no-audit --no-fund
