#!/usr/bin/env bash
# The test command: every module's tests (Java on H2 and MariaDB, real Flink MiniCluster; web unit tests),
# then the browser end-to-end run against a real server with the embedded Flink cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B install
if [ "${STREAMIS_SKIP_E2E:-false}" != "true" ]; then
  web/e2e/run.sh
fi
