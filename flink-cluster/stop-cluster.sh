#!/usr/bin/env bash
# Stops the cluster started by start-cluster.sh (SIGTERM shuts Flink down cleanly).
RUN="${1:-$(cd "$(dirname "$0")" && pwd)/run}"
for p in tm jm; do
  if [ -f "$RUN/$p.pid" ]; then kill "$(cat "$RUN/$p.pid")" 2>/dev/null || true; fi
done
for p in tm jm; do
  for _ in $(seq 1 30); do kill -0 "$(cat "$RUN/$p.pid" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
  rm -f "$RUN/$p.pid"
done
