#!/usr/bin/env bash
# Starts Streamis in the background (pid file in $STREAMIS_DATA_DIR) and waits until it answers.
set -euo pipefail
source "$(dirname "$0")/streamis-env.sh"
if [ -f "$STREAMIS_PID_FILE" ] && kill -0 "$(cat "$STREAMIS_PID_FILE")" 2>/dev/null; then
  echo "Streamis is already running (pid $(cat "$STREAMIS_PID_FILE"))"; exit 0
fi
if [ ! -d "$STREAMIS_HOME/lib" ] && [ ! -d "$STREAMIS_HOME/streamis-server/target/lib" ]; then
  echo "Not built yet: run bin/run.sh once, or ./mvnw install -DskipTests" >&2; exit 1
fi
LOG="$STREAMIS_DATA_DIR/logs/streamis.out"
# shellcheck disable=SC2086
nohup java $STREAMIS_JAVA_OPTS -cp "$(streamis_classpath)" $STREAMIS_MAIN $STREAMIS_ARGS "$@" >> "$LOG" 2>&1 &
echo $! > "$STREAMIS_PID_FILE"
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$STREAMIS_PORT/api/rest_j/v1/streamis/health" >/dev/null 2>&1; then
    echo "Streamis started (pid $(cat "$STREAMIS_PID_FILE")) on http://127.0.0.1:$STREAMIS_PORT"; exit 0
  fi
  if ! kill -0 "$(cat "$STREAMIS_PID_FILE")" 2>/dev/null; then
    echo "Streamis exited during start; see $LOG" >&2; rm -f "$STREAMIS_PID_FILE"; exit 1
  fi
  sleep 1
done
echo "Streamis did not answer within 120 s; see $LOG" >&2; exit 1
