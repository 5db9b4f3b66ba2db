# Sourced by the compat run scripts: starts a fresh local org for a real client and stops it on exit.
#   need_node_and_npm NAME        exits 2 naming NAME unless node and npm are on PATH (apt-get installs them as root)
#   start_local_org ROOT          makes a temporary directory (local_org_work), builds ROOT's kinetic-emulator.jar if
#                                 missing, starts it on a free port with data in local_org_work/org, waits for its
#                                 local-org.env and exports its variables; on exit the org is stopped and the directory
#                                 deleted

need_node_and_npm() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "compat/$1: Node.js and npm are needed; install them and run again" >&2
      exit 2
    fi
  fi
}

local_org_pid=""
local_org_work=""

start_local_org() {
  local root=$1
  local_org_work=$(mktemp -d)
  trap stop_local_org EXIT
  local work=$local_org_work
  local jar="$root/kinetic-emulator/target/kinetic-emulator.jar"
  [ -f "$jar" ] || (cd "$root" && mvn -q -B -pl kinetic-emulator -am package -DskipTests)
  java -Xmx512m -XX:+UseParallelGC -jar "$jar" --port 0 --data "$work/org" >"$work/server.log" 2>&1 &
  local_org_pid=$!
  # A loaded CI machine can take tens of seconds to start a JVM and create the org's key pair.
  for _ in $(seq 1 1200); do
    [ -f "$work/org/local-org.env" ] && grep -q '^SF_LOGIN_URL=' "$work/org/local-org.env" && break
    kill -0 "$local_org_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q '^SF_LOGIN_URL=' "$work/org/local-org.env" 2>/dev/null \
    || { echo "the local org did not start within 120 s; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
  set -a
  . "$work/org/local-org.env"
  set +a
}

stop_local_org() {
  if [ -n "$local_org_pid" ]; then
    kill "$local_org_pid" 2>/dev/null || true
    wait "$local_org_pid" 2>/dev/null || true
  fi
  [ -z "$local_org_work" ] || rm -rf "$local_org_work"
}
