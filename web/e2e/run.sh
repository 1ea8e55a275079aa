#!/usr/bin/env bash
# Browser end-to-end run: starts a real server (embedded Flink, fresh H2 in a temp data dir, free port),
# runs the playwright-core suite in Debian chromium against it, stops the server.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
"$ROOT/web/e2e/install-browser.sh"
PORT="${STREAMIS_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
DATA="$(mktemp -d /tmp/streamis-e2e.XXXXXX)"
export STREAMIS_PORT="$PORT" STREAMIS_DATA_DIR="$DATA" STREAMIS_ADMIN_PASSWORD="${STREAMIS_ADMIN_PASSWORD:-e2e-admin-password}"
cleanup() { "$ROOT/bin/stop.sh" >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT
"$ROOT/bin/start.sh" --streamis.jobmanager.monitor.interval=1s
cd "$ROOT/web"
STREAMIS_URL="http://127.0.0.1:$PORT" npm run e2e
