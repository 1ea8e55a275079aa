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


# Class data sharing (AppCDS, JDK 17): the ~16,000 classes a start loads, parsed and verified once and mapped from an
# archive in the data directory, instead of read from the jars at every start (about a third of a start's CPU time).
# A start without a usable archive records one: the JVM writes it when that server exits (-XX:ArchiveClassesAtExit),
# and the next start checks it (-Xshare:on with checksums, in a JVM of its own) before it uses it. A new JDK, other
# jars or other JVM options record it again. STREAMIS_CDS=off turns it off. Prints the JVM options to add.
streamis_cds_opts() {
  [ "${STREAMIS_CDS:-on}" = off ] && return 0
  local cp="$1" dir="$STREAMIS_DATA_DIR/cds" key java_bin
  java_bin="$(readlink -f "$(command -v java)")"
  mkdir -p "$dir"
  key="$(streamis_cds_key "$cp" "$java_bin")"
  if [ -f "$dir/streamis.jsa.recorded" ]; then
    # Written by the last server as it exited: promote it only if a JVM maps and checksums it as it is (one cut
    # short, its writer killed halfway, fails here, some of them with a crash report, kept out of the way).
    # shellcheck disable=SC2086
    if [ "$(cat "$dir/streamis.jsa.recorded.key" 2>/dev/null)" = "$key" ] \
      && ("$java_bin" $STREAMIS_JAVA_OPTS -XX:SharedArchiveFile="$dir/streamis.jsa.recorded" -Xshare:on \
        -XX:+VerifySharedSpaces -XX:ErrorFile="$dir/check-error.log" -cp "$cp" -version; exit $?) >/dev/null 2>&1; then
      mv -f "$dir/streamis.jsa.recorded" "$dir/streamis.jsa"
      mv -f "$dir/streamis.jsa.recorded.key" "$dir/streamis.jsa.key"
    else
      rm -f "$dir/streamis.jsa.recorded" "$dir/streamis.jsa.recorded.key" "$dir/check-error.log"
    fi
  fi
  if [ -f "$dir/streamis.jsa" ] && [ "$(cat "$dir/streamis.jsa.key" 2>/dev/null)" = "$key" ]; then
    echo "-XX:SharedArchiveFile=$dir/streamis.jsa"
  else
    rm -f "$dir/streamis.jsa" "$dir/streamis.jsa.key"
    echo "$key" > "$dir/streamis.jsa.recorded.key"
    # The JVM lists every class it cannot archive (Flink's own class loaders): noise in the server's log.
    echo "-XX:ArchiveClassesAtExit=$dir/streamis.jsa.recorded -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# What an archive is only valid for: the JVM (and its base archive), every classpath jar as it is, the JVM options.
streamis_cds_key() {
  local entry jvm_home
  jvm_home="$(dirname "$(dirname "$2")")"
  {
    echo "$2 $STREAMIS_JAVA_OPTS"
    stat -c '%n %s %Y' "$jvm_home"/lib/server/libjvm.so "$jvm_home"/lib/server/classes*.jsa 2>/dev/null
    IFS=':' read -ra entries <<< "$1"
    for entry in "${entries[@]}"; do
      # shellcheck disable=SC2086
      stat -c '%n %s %Y' $entry 2>/dev/null
    done
  } | md5sum | cut -d' ' -f1
}
