#!/usr/bin/env bash
# Stops Streamis gracefully (SIGTERM, then waits; SIGKILL only after the grace period).
# The grace period is STREAMIS_STOP_TIMEOUT seconds (60), extended while the server announces in
# $STREAMIS_DATA_DIR/streamis.stopping (epoch seconds) that its jobs' shutdown savepoints are still due: killing it
# earlier would lose those savepoints. The server writes a first end as its close begins (room for the web server's
# drain) and the exact end once the savepoints start; the latest announcement counts, so it may shorten the wait.
set -euo pipefail
source "$(dirname "$0")/streamis-env.sh"
if [ ! -f "$STREAMIS_PID_FILE" ]; then echo "Streamis is not running (no $STREAMIS_PID_FILE)"; exit 0; fi
PID="$(cat "$STREAMIS_PID_FILE")"
if ! kill -0 "$PID" 2>/dev/null; then echo "Streamis is not running (stale pid $PID)"; rm -f "$STREAMIS_PID_FILE"; exit 0; fi
STOPPING_FILE="$STREAMIS_DATA_DIR/streamis.stopping"
kill -TERM "$PID"
grace_end=$(( $(date +%s) + ${STREAMIS_STOP_TIMEOUT:-60} ))
while :; do
  if ! kill -0 "$PID" 2>/dev/null; then
    rm -f "$STREAMIS_PID_FILE" "$STOPPING_FILE"; echo "Streamis stopped"; exit 0
  fi
  announced="$(cat "$STOPPING_FILE" 2>/dev/null || echo 0)"
  deadline=$grace_end
  # 10 s after the announced end for the cluster and the database to close.
  if [[ "$announced" =~ ^[0-9]+$ ]] && (( announced + 10 > deadline )); then deadline=$(( announced + 10 )); fi
  if (( $(date +%s) >= deadline )); then break; fi
  sleep 1
done
echo "Streamis did not stop in time; killing $PID" >&2
kill -KILL "$PID" || true
rm -f "$STREAMIS_PID_FILE" "$STOPPING_FILE"
