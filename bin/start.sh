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
CP="$(streamis_classpath)"
CDS_OPTS="$(streamis_cds_opts "$CP")"
# shellcheck disable=SC2086
nohup java $STREAMIS_JAVA_OPTS $CDS_OPTS -cp "$CP" $STREAMIS_MAIN $STREAMIS_ARGS "$@" >> "$LOG" 2>&1 &
echo $! > "$STREAMIS_PID_FILE"
# Ready, not only listening: the start-up runners (admin bootstrap, lease, recovery) ran and the embedded Flink
# cluster, started in the background, is up.
deadline=$(( $(date +%s) + 120 ))
while (( $(date +%s) < deadline )); do
  if curl -sf "http://127.0.0.1:$STREAMIS_PORT/actuator/health/readiness" >/dev/null 2>&1; then
    echo "Streamis started (pid $(cat "$STREAMIS_PID_FILE")) on http://127.0.0.1:$STREAMIS_PORT"; exit 0
  fi
  if ! kill -0 "$(cat "$STREAMIS_PID_FILE")" 2>/dev/null; then
    echo "Streamis exited during start; see $LOG" >&2; rm -f "$STREAMIS_PID_FILE"; exit 1
  fi
  sleep 0.2
done
echo "Streamis did not become ready within 120 s; see $LOG" >&2; exit 1
