#!/usr/bin/env bash
# Runs jsforce's Bulk API 2.0 client, unmodified, against a fresh local org: builds the local org's jar if needed,
# starts it on a free port with a temporary data directory, installs the pinned jsforce (npm ci), runs smoke.mjs.
# Needs Node.js 18+ and npm (installed with apt-get when missing and running as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/kinetic-emulator/target/kinetic-emulator.jar"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "compat/jsforce: Node.js and npm are needed; install them and run again" >&2
    exit 2
  fi
fi
[ -f "$jar" ] || (cd "$root" && mvn -q -B -pl kinetic-emulator -am package -DskipTests)
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
java -Xmx512m -XX:+UseParallelGC -jar "$jar" --port 0 --data "$work/org" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  [ -f "$work/org/local-org.env" ] && grep -q '^SF_LOGIN_URL=' "$work/org/local-org.env" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
set -a
. "$work/org/local-org.env"
set +a
echo "jsforce $(node -p "require('$here/node_modules/jsforce/package.json').version") against the local org at $SF_LOGIN_URL"
node "$here/smoke.mjs"
