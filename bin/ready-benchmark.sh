#!/usr/bin/env bash
# Ready time of a restarted node (bin/benchmarks.sh --ready [rounds]): bin/start.sh → /actuator/health answering
# 200 (UP: runners done, embedded Flink cluster up), on a fresh data directory and again on the same one (second
# start, which checks the class data archive the first recorded, and a third, "steady", which only uses it), through the real bin/start.sh and bin/stop.sh. Per-phase breakdown from the server's "Startup timeline"
# log line (ms after JVM start), and the CPU time the server used until then. Prints numbers; medians at the end.
# Needs a built tree (bin/run.sh once). The fresh start records the class data sharing archive the second one uses
# (STREAMIS_CDS=off measures without it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
export STREAMIS_PORT="${STREAMIS_PORT:-9481}"
export STREAMIS_ADMIN_PASSWORD="${STREAMIS_ADMIN_PASSWORD:-ready-benchmark}"
BASE="$(mktemp -d /tmp/streamis-ready.XXXXXX)"
HEALTH="http://127.0.0.1:$STREAMIS_PORT/actuator/health"
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
# One key of the last timeline line: "a" or, for a span "a..b", field $3 (1 = from, 2 = to); 0 when absent.
mark() {
  local v
  v="$( (grep -o "Startup timeline.*" "$1" || true) | tail -1 | (grep -o " $2=[0-9.]*" || true) | cut -d= -f2 \
    | awk -F'[.][.]' -v f="${3:-1}" '{print $f}')"
  echo "${v:-0}"
}
# CPU time (user + system) the server's JVM used so far: contention on a shared box stretches wall time, not this.
cpu_ms() {
  local pid; pid="$(cat "$1/streamis.pid" 2>/dev/null || echo 0)"
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo 0
}
declare -A SAMPLES

one_start() { # $1 data dir, $2 label
  local data="$1" label="$2" t0 web="" health="" cpu=0 code log="$1/logs/streamis.out"
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  t0="$(now_ms)"
  STREAMIS_DATA_DIR="$data" bin/start.sh >/dev/null 2>&1 &
  local script=$!
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$HEALTH" || true)"
    if [ -z "$web" ] && [ "$code" != "000" ]; then web=$(( $(now_ms) - t0 )); fi
    if [ "$code" = 200 ]; then health=$(( $(now_ms) - t0 )); cpu="$(cpu_ms "$data")"; break; fi
    if (( $(now_ms) - t0 > 180000 )); then echo "no health within 180 s; see $log" >&2; exit 1; fi
    sleep 0.05
  done
  wait "$script" || { echo "bin/start.sh failed; see $log" >&2; exit 1; }
  local script_ms=$(( $(now_ms) - t0 ))
  local spring env refresh db0 db1 fl0 fl1 wb started ready
  spring="$(mark "$log" spring)"; env="$(mark "$log" environment)"; refresh="$(mark "$log" refresh)"
  db0="$(mark "$log" database 1)"; db1="$(mark "$log" database 2)"; fl0="$(mark "$log" embedded-flink 1)"
  fl1="$(mark "$log" embedded-flink 2)"; wb="$(mark "$log" web)"; started="$(mark "$log" started)"
  ready="$(mark "$log" ready)"
  printf '%-6s health %5d ms (CPU %5d) | web answering %5d | start.sh returned %5d | JVM→Spring %4d, environment %4d,' \
    "$label" "$health" "$cpu" "$web" "$script_ms" "$spring" $(( refresh - spring ))
  printf ' context %5d (migration %4d; Flink cluster %d..%d = %d on its thread; web server at %d), runners %d' \
    $(( started - refresh )) $(( db1 - db0 )) "$fl0" "$fl1" $(( fl1 - fl0 )) "$wb" $(( ready - started ))
  printf ' | load %s\n' "$load"
  SAMPLES[$label.health]+="$health "; SAMPLES[$label.cpu]+="$cpu "; SAMPLES[$label.web]+="$web "
  SAMPLES[$label.spring]+="$spring "
  SAMPLES[$label.context]+="$(( started - refresh )) "; SAMPLES[$label.migration]+="$(( db1 - db0 )) "
  SAMPLES[$label.flink]+="$(( fl1 - fl0 )) "; SAMPLES[$label.runners]+="$(( ready - started )) "
  SAMPLES[$label.env]+="$(( refresh - spring )) "
  STREAMIS_DATA_DIR="$data" bin/stop.sh >/dev/null
  # The stopped JVM's last work (writing the archive, exiting) and its page cache churn must not run into the next
  # start's measurement: a node restarts on a machine that is not busy starting another JVM.
  sleep "${STREAMIS_READY_PAUSE:-5}"
}

echo "Ready time, $ROUNDS rounds, port $STREAMIS_PORT, $(nproc) cores, JVM options: ${STREAMIS_JAVA_OPTS:-(bin/streamis-env.sh defaults)}"
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$BASE/data"
  one_start "$BASE/data" fresh
  one_start "$BASE/data" second
  # A node restarted once more: the archive the first start recorded was checked by the second and is used as is.
  one_start "$BASE/data" steady
done
med() { tr ' ' '\n' <<<"${SAMPLES[$1]}" | grep . | median; }
for l in fresh second steady; do
  printf 'median %-6s health %s ms (CPU %s; web answering %s; JVM→Spring %s, environment %s, context %s: migration %s,' \
    "$l" "$(med $l.health)" "$(med $l.cpu)" "$(med $l.web)" "$(med $l.spring)" "$(med $l.env)" "$(med $l.context)" "$(med $l.migration)"
  printf ' Flink cluster %s on its thread; runners %s)\n' "$(med $l.flink)" "$(med $l.runners)"
done
rm -rf "$BASE"
