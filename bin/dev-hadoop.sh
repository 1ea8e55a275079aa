#!/usr/bin/env bash
# Starts a single-node HDFS + YARN (Hadoop 3.3.6 mini clusters in one JVM) for trying the yarn-application
# target without a Hadoop installation, and prints the Streamis configuration that points at it.
# Usage: bin/dev-hadoop.sh [dir, default data/dev-hadoop]   (stop with Ctrl-C or SIGTERM)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-data/dev-hadoop}"
./mvnw -B -q install -DskipTests -Dskip.web=true >/dev/null
ROOT="$PWD"
CP="$ROOT/streamis-launcher/target/test-classes:$ROOT/streamis-launcher/target/classes:$(cd streamis-launcher && ../mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
# Containers run $JAVA_HOME/bin/java (yarn-hdfs-notes pitfalls): export it for the JVM hosting the NodeManager.
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
mkdir -p "$DIR"
cd "$DIR"
exec java -Xmx1g -Dstreamis.flinkLibDir="$ROOT/streamis-flink-lib/target/flink-lib" --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" io.streamis.launcher.hadoop.DevHadoopCluster "$PWD"
