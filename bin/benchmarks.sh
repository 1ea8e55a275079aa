#!/usr/bin/env bash
# Runs the benchmarks (programs that print numbers; results are recorded in docs/benchmarks.md).
# Usage: bin/benchmarks.sh [N jobs for the bulk benchmark, default 10] [--cluster-url=http://host:8081] [--start-runs=41] [--start-warmup=40] [--start-only]
#        bin/benchmarks.sh --yarn [rounds, default 5]   (start latency on yarn-application, mini HDFS + YARN)
#        bin/benchmarks.sh --api [jobs 10000] [rate 200] [seconds 60]   (read API under load, MariaDB)
#        bin/benchmarks.sh --api --uploads [jobs 1000] [clients 8] [seconds 20]   (zip uploads, MariaDB)
#        bin/benchmarks.sh --failover [rounds, default 5] [lease, default 15s]   (two nodes on the local MariaDB)
#        bin/benchmarks.sh --ready [rounds, default 5]   (bin/start.sh → /actuator/health UP; built tree, no Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--ready" ]; then
  exec bin/ready-benchmark.sh "${2:-5}"
fi
./mvnw -B -q -o install -DskipTests -Dskip.web=true >/dev/null
cp_of() { (cd "$1" && ../mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout); }
OPENS="$(grep -o -- '--add-[a-z]*=[^ "]*' bin/streamis-env.sh | tr '\n' ' ')"
if [ "${1:-}" = "--yarn" ]; then
  SCP="streamis-server/target/test-classes:streamis-server/target/classes:$(cp_of streamis-server)"
  # Containers run $JAVA_HOME/bin/java: export it for the JVM hosting the NodeManager.
  export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  # shellcheck disable=SC2086
  exec java -Xmx1500m $OPENS -Dstreamis.flinkLibDir="$PWD/streamis-flink-lib/target/flink-lib" -cp "$SCP" \
    io.streamis.server.bench.YarnStartLatencyBenchmark "${2:-5}"
fi
if [ "${1:-}" = "--failover" ]; then
  SCP="streamis-server/target/test-classes:streamis-server/target/classes:$(cp_of streamis-server)"
  # shellcheck disable=SC2086
  exec java -Xmx256m $OPENS -cp "$SCP" io.streamis.server.process.FailoverBenchmark "${2:-5}" "${3:-15s}"
fi
if [ "${1:-}" = "--api" ]; then
  SCP="streamis-server/target/test-classes:streamis-server/target/classes:$(cp_of streamis-server)"
  shift
  # shellcheck disable=SC2086
  exec java -Xmx1g $OPENS -cp "$SCP" io.streamis.server.bench.ApiLoadBenchmark "$@"
fi
LCP="streamis-launcher/target/test-classes:streamis-launcher/target/classes:$(cp_of streamis-launcher)"
java -cp "$LCP" io.streamis.launcher.bench.RestoreResolutionBenchmark
java -Xmx512m -cp "$LCP" io.streamis.launcher.bench.TrackingPollBenchmark
SCP="streamis-server/target/test-classes:streamis-server/target/classes:$(cp_of streamis-server)"
# The monitor's whole cycle at 10,000 and 100,000 running jobs (local MariaDB, fake Flink REST endpoint).
# shellcheck disable=SC2086
java -Xmx512m $OPENS -cp "$SCP" io.streamis.server.bench.MonitorCycleBenchmark 10000 100000
# What a start/stop/failure fact costs its publishing thread, and the per-job metric rows' rebuild, at 500 jobs.
java -Xmx256m -cp "$SCP" io.streamis.server.bench.MetricsRowsBenchmark 500
# shellcheck disable=SC2086
java -Xmx1500m $OPENS -cp "$SCP" io.streamis.server.bench.PlatformBenchmark "$@"
