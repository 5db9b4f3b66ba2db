#!/usr/bin/env bash
# Result mapping at scale: inserts N generated Account rows through the library (BulkClient.insert(Path)) with the
# client's heap capped at 256 MB, maps every success row back to its input row, and prints rows/s, the client's
# peak heap and its heap after GC half-way through the mapping (MappedInsert in benchmarks.jar). The local org runs
# in its own JVM, so its heap is not counted.
#
#   bench/mapped.sh                          # 1,000,000 rows
#   bench/mapped.sh --rows 10000000          # ~10 min on a quiet 2-core machine
#   bench/mapped.sh --rows 1000000 --histogram   # plus the top of a class histogram, on standard error
#
# See bench/README.md, section 3.
set -euo pipefail

ROWS=1000000
HISTOGRAM=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="${2:?--rows needs a number}"; shift 2 ;;
    --histogram) HISTOGRAM="--histogram"; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mapped.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "mapped.sh: --rows must be a positive whole number, got '$ROWS'" >&2; exit 2; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Copies of the jars may be given (EMU_JAR=… BENCH_JAR=…), so a long run survives a rebuild of target/.
EMU_JAR="${EMU_JAR:-$ROOT/kinetic-emulator/target/kinetic-emulator.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/kinetic-benchmarks/target/benchmarks.jar}"
if [[ ! -f "$EMU_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "Building the jars (mvn -q -B -DskipTests package)..."
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinetic-mapped.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; rows: $ROWS"
# shellcheck source=bench/local-org.sh
. "$ROOT/bench/local-org.sh"
start_local_org
java -Xmx256m -Djava.io.tmpdir="$WORK" -cp "$BENCH_JAR" dev.kinetic.benchmarks.MappedInsert "$ROWS" $HISTOGRAM
