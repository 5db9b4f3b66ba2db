#!/usr/bin/env bash
# Spark data source benchmark: rows/s of a load and an export of N Account rows (default 1,000,000) at 1, 2 and 4
# partitions beside the library alone, against a local org in the same JVM, with the JVM's peak heap per phase.
#
#   kinetic-spark/bench.sh            # 1,000,000 rows
#   kinetic-spark/bench.sh 200000     # a quicker run
set -euo pipefail
ROWS="${1:-1000000}"
if ! [[ "$ROWS" =~ ^[1-9][0-9]*$ ]]; then
  echo "bench.sh: the row count must be a positive whole number, got '$ROWS'" >&2; exit 2
fi
cd "$(dirname "$0")/.."
# Compile the module and its upstream ones, and write each module's test classpath (reactor modules as their
# target/classes, so a stale jar in ~/.m2 is never used).
mvn -B -q -pl kinetic-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
    -Dmdep.includeScope=test
CP="kinetic-spark/target/test-classes:kinetic-spark/target/classes:$(cat kinetic-spark/target/bench.cp)"
# The flags Spark's launcher adds on Java 17.
OPENS=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
exec java -Xmx3g $OPENS -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$CP" dev.kinetic.spark.bench.SparkBenchmark "$ROWS"
