#!/usr/bin/env bash
# Starts a Flink standalone session cluster (1 JobManager, 1 TaskManager) from Maven Central jars.
# Usage: start-cluster.sh [run-dir]
# env: FLINK_VERSION (1.20.0; 2.3.0 and 2.2.0 are complete on Central too), FLINK_REST_PORT (8081),
#      FLINK_RPC_PORT (6123), FLINK_SLOTS (4)
# Prints the REST URL when the TaskManager has registered. flink-notes §4, P8, P9, P16.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RUN="${1:-$HERE/run}"
REST_PORT="${FLINK_REST_PORT:-8081}"
RPC_PORT="${FLINK_RPC_PORT:-6123}"
SLOTS="${FLINK_SLOTS:-4}"
VERSION="${FLINK_VERSION:-1.20.0}"
LIB="$HERE/lib/$VERSION"
if [ ! -d "$LIB" ] || [ "$(ls "$LIB" | wc -l)" -lt 40 ]; then
  "$HERE/../mvnw" -q -B -f "$HERE/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -Dflink.version="$VERSION" -DoutputDirectory="$LIB" >&2
fi
mkdir -p "$RUN/conf" "$RUN/log" "$RUN/tmp" "$RUN/upload" "$RUN/state"
cp "$HERE/conf/log4j.properties" "$RUN/conf/"
cat > "$RUN/conf/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: localhost
jobmanager.memory.process.size: 768m
jobmanager.memory.jvm-metaspace.size: 192m
jobmanager.memory.jvm-overhead.min: 64m
taskmanager.bind-host: localhost
taskmanager.host: localhost
taskmanager.numberOfTaskSlots: $SLOTS
taskmanager.memory.process.size: 1024m
taskmanager.memory.managed.size: 64m
taskmanager.memory.network.min: 32m
taskmanager.memory.network.max: 32m
taskmanager.memory.jvm-metaspace.size: 192m
taskmanager.memory.jvm-overhead.min: 64m
rest.address: localhost
rest.bind-address: localhost
rest.port: $REST_PORT
execution.checkpointing.dir: file://$RUN/state/checkpoints
execution.checkpointing.savepoint-dir: file://$RUN/state/savepoints
execution.checkpointing.num-retained: 3
web.submit.enable: true
web.upload.dir: $RUN/upload
io.tmp.dirs: $RUN/tmp
cluster.registration.error-delay: 1000
YAML
OPENS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
for p in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
CP="$LIB/*"
bju() { java -cp "$CP" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$RUN/conf" 2>/dev/null \
        | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'; }
mapfile -t JM < <(bju GET_JM_RESOURCE_PARAMS)
mapfile -t TM < <(bju GET_TM_RESOURCE_PARAMS)
LOG="-Dlog4j.configurationFile=file:$RUN/conf/log4j.properties"
# shellcheck disable=SC2086
nohup java ${JM[0]} $OPENS -Djava.io.tmpdir="$RUN/tmp" -Dlog.file="$RUN/log/jm.log" $LOG -cp "$CP" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$RUN/conf" ${JM[1]} > "$RUN/log/jm.out" 2>&1 &
echo $! > "$RUN/jm.pid"
# shellcheck disable=SC2086
nohup java ${TM[0]} $OPENS -Djava.io.tmpdir="$RUN/tmp" -Dlog.file="$RUN/log/tm.log" $LOG -cp "$CP" \
  org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$RUN/conf" ${TM[1]} > "$RUN/log/tm.out" 2>&1 &
echo $! > "$RUN/tm.pid"
for _ in $(seq 1 90); do
  if curl -sf "http://localhost:$REST_PORT/overview" 2>/dev/null | grep -q "\"slots-total\":$SLOTS"; then
    echo "http://localhost:$REST_PORT"; exit 0
  fi
  sleep 1
done
echo "Flink cluster did not come up; see $RUN/log" >&2
exit 1
