#!/usr/bin/env bash
# Spark data source benchmark: rows/s of a load and an export of N Account rows (default 1,000,000) at 1, 2 and 4
# partitions beside the library alone, against a local org in the same JVM, with the JVM's peak heap per phase.
#
#   kinetic-spark/bench.sh            # 1,000,000 rows
#   kinetic-spark/bench.sh 200000     # a quicker run
#   kinetic-spark/bench.sh 200000 'local-cluster[2,1,1024]'   # executors in JVMs of their own (1 GB each), with
#                                     # each executor's peak heap; SPARK_HOME is made of links to Spark's jars
set -euo pipefail
ROWS="${1:-1000000}"
MASTER="${2:-local[4]}"
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
# Spark's own servers (driver, a local cluster's master and workers) on the loopback address only.
export SPARK_LOCAL_IP=127.0.0.1
EXTRA=()
if [[ "$MASTER" == local-cluster* ]]; then
  # A local cluster's workers start executors from $SPARK_HOME/jars: Spark's jars from the class path, linked;
  # the executors load the data source, the library and FastCSV from the reactor's classes.
  export SPARK_HOME="$PWD/kinetic-spark/target/bench-spark-home" SPARK_SCALA_VERSION=2.13
  rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars"
  EXEC_CP="$PWD/kinetic-spark/target/classes"
  IFS=: read -ra ENTRIES < kinetic-spark/target/bench.cp || true   # no final line break: read says 1
  for e in "${ENTRIES[@]}"; do
    case "$e" in
      */kinetic-core/*) EXEC_CP="$EXEC_CP:$e" ;;
      */de/siegmar/*) EXEC_CP="$EXEC_CP:$e" ;;
      */kinetic-*|*/org/eclipse/jetty/*|*/com/h2database/*|*/io/github/apex-dev-tools/*|*/com/nimbusds/*|\
      */org/slf4j/slf4j-nop/*|*/org/junit/*|*/org/opentest4j/*|*/org/apiguardian/*|*/org/assertj/*|*/net/bytebuddy/*) ;;
      *.jar) ln -s "$e" "$SPARK_HOME/jars/" ;;
    esac
  done
  EXTRA=(-Dkinetic.bench.executorClassPath="$EXEC_CP")
fi
exec java -Xmx3g $OPENS "${EXTRA[@]}" -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$CP" dev.kinetic.spark.bench.SparkBenchmark "$ROWS" "$MASTER"
