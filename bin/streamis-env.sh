#!/usr/bin/env bash
# Shared by the bin/ scripts: locates the install, the classpath and the JVM options.
STREAMIS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export STREAMIS_HOME
export STREAMIS_PORT="${STREAMIS_PORT:-9400}"
export STREAMIS_DATA_DIR="${STREAMIS_DATA_DIR:-$STREAMIS_HOME/data}"
mkdir -p "$STREAMIS_DATA_DIR/logs" "$STREAMIS_DATA_DIR/tmp"

# The classpath: call after a build (the source tree's jars exist only then).
streamis_classpath() {
  if [ -d "$STREAMIS_HOME/lib" ]; then
    # Distribution layout (assembly/): everything in lib/.
    echo "$STREAMIS_HOME/lib/*"
  else
    # Source tree: the server jar plus its copied dependencies (flink-notes P7: run exploded, never nested).
    local jar
    jar="$(ls "$STREAMIS_HOME"/streamis-server/target/streamis-server-*.jar 2>/dev/null | head -1 || true)"
    echo "$jar:$STREAMIS_HOME/streamis-server/target/lib/*"
  fi
}

# Flink needs these on Java 17 in every JVM that runs its runtime (flink-notes P6); the server hosts a MiniCluster.
FLINK_OPENS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED \
--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

STREAMIS_JAVA_OPTS="${STREAMIS_JAVA_OPTS:--Xmx1g -XX:+UseG1GC} $FLINK_OPENS -Djava.io.tmpdir=$STREAMIS_DATA_DIR/tmp"
STREAMIS_ARGS="--spring.config.additional-location=optional:file:$STREAMIS_HOME/conf/"
STREAMIS_MAIN="io.streamis.server.StreamisServerApplication"
STREAMIS_PID_FILE="$STREAMIS_DATA_DIR/streamis.pid"
