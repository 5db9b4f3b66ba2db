#!/usr/bin/env sh
# Local org benchmark: ingest then export N generated Account rows over HTTP (default 1,000,000), printing rows/s
# for each phase and the server's peak heap, then the store ceiling (plain JDBC into the same database, same
# durability) and the ratio of the ingest rate to it. The org runs in its own JVM with -Xmx512m (--server-heap).
# Usage: kinetic-emulator/bench.sh [--rows N] [--job-rows N] [--page-size N] [--server-heap 512m]
#        kinetic-emulator/bench.sh --url http://host:port --token TOKEN   (a running local org)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/kinetic-emulator.jar"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -q -B -pl kinetic-emulator -am package -DskipTests)
fi
exec java -Xmx256m -cp "$jar" dev.kinetic.emulator.bench.EmulatorBenchmark "$@"
