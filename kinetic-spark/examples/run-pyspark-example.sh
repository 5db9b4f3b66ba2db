#!/usr/bin/env bash
# Runs read_and_write.py (the README's PySpark example) against a fresh local org with the shaded jar, if pyspark
# is installed; otherwise says it is skipped and exits 0. Needs a built tree (mvn -B package or verify).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! python3 -c 'import pyspark' 2>/dev/null; then
  echo "pyspark example: skipped (python3 cannot import pyspark; pip install pyspark==4.* to run it)"
  exit 0
fi
JAR=$(ls kinetic-spark/target/kinetic-spark-*-shaded.jar | head -1)
ORG_JAR=kinetic-emulator/target/kinetic-emulator.jar
WORK=$(mktemp -d)
java -jar "$ORG_JAR" --port 0 --data "$WORK/org" > "$WORK/org.log" 2>&1 &
ORG_PID=$!
trap 'kill "$ORG_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do
  grep -q '^SF_LOGIN_URL=' "$WORK/org.log" 2>/dev/null && break
  if ! kill -0 "$ORG_PID" 2>/dev/null; then cat "$WORK/org.log" >&2; exit 1; fi
  read -r -t 0.1 < /dev/zero || true   # a bounded wait for the org's first lines, without sleep
done
set -a; eval "$(grep '^SF_' "$WORK/org.log")"; set +a
python3 kinetic-spark/examples/read_and_write.py "$JAR"
