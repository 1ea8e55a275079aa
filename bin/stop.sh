#!/usr/bin/env bash
# Stops Streamis gracefully (SIGTERM, then waits; SIGKILL only after the grace period).
set -euo pipefail
source "$(dirname "$0")/streamis-env.sh"
if [ ! -f "$STREAMIS_PID_FILE" ]; then echo "Streamis is not running (no $STREAMIS_PID_FILE)"; exit 0; fi
PID="$(cat "$STREAMIS_PID_FILE")"
if ! kill -0 "$PID" 2>/dev/null; then echo "Streamis is not running (stale pid $PID)"; rm -f "$STREAMIS_PID_FILE"; exit 0; fi
kill -TERM "$PID"
for _ in $(seq 1 ${STREAMIS_STOP_TIMEOUT:-60}); do
  if ! kill -0 "$PID" 2>/dev/null; then rm -f "$STREAMIS_PID_FILE"; echo "Streamis stopped"; exit 0; fi
  sleep 1
done
echo "Streamis did not stop in time; killing $PID" >&2
kill -KILL "$PID" || true
rm -f "$STREAMIS_PID_FILE"
