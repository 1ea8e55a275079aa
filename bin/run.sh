#!/usr/bin/env bash
# Builds what is missing, then runs Streamis in the foreground: server + web UI + embedded Flink + embedded H2.
# Data lives in $STREAMIS_DATA_DIR (default data/). Port: $STREAMIS_PORT (default 9400).
set -euo pipefail
source "$(dirname "$0")/streamis-env.sh"
cd "$STREAMIS_HOME"
if [ ! -d "$STREAMIS_HOME/lib" ] && { [ ! -d streamis-server/target/lib ] || [ -n "$(find . -path ./data -prune -o -newer streamis-server/target/lib \( -name '*.java' -o -name '*.vue' -o -name '*.ts' -o -name 'pom.xml' -o -name '*.sql' -o -name '*.yml' \) -not -path '*/node_modules/*' -not -path '*/target/*' -print -quit)" ]; }; then
  echo "Building Streamis (first run takes a few minutes)..."
  ./mvnw -B -q install -DskipTests
  touch streamis-server/target/lib
fi
echo "Starting Streamis on http://127.0.0.1:$STREAMIS_PORT (data: $STREAMIS_DATA_DIR)"
CP="$(streamis_classpath)"
# shellcheck disable=SC2086
exec java $STREAMIS_JAVA_OPTS $(streamis_cds_opts "$CP") -cp "$CP" $STREAMIS_MAIN $STREAMIS_ARGS "$@"
