#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: librdkafka (Debian's librdkafka-dev, which
# node-rdkafka, the hub benchmark's candidate client, is built against) and the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-debian-package.sh librdkafka-dev /usr/include/librdkafka/rdkafka.h \
  "install librdkafka-dev (librdkafka >= 2.0 with its headers)"
# node-rdkafka links the system librdkafka instead of building its bundled copy (which downloads).
BUILD_LIBRDKAFKA=0 npm ci --no-audit --no-fund
