# Sourced by the bench scripts: start_local_org starts the local org in its own JVM on a free port of 127.0.0.1 with
# its data in $WORK/org (log: $WORK/server.log), waits for it (bounded: 120 s), and exports the variables of its
# local-org.env. Needs EMU_JAR and WORK; sets SERVER_PID (the caller's EXIT trap stops it) and BASE.
start_local_org() {
  # A free port (the kernel picks it; the tiny race with another process is acceptable for a benchmark).
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))"
  BASE="http://127.0.0.1:$PORT"
  mkdir -p "$WORK/org"
  java -Xmx512m -XX:+UseParallelGC -jar "$EMU_JAR" --port "$PORT" --data "$WORK/org" --host 127.0.0.1 >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local ready=0
  for _ in $(seq 1 240); do   # at most ~120 s: the machine may be loaded
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "The local org exited; its log:" >&2; cat "$WORK/server.log" >&2; exit 1; }
    if [[ -f "$WORK/org/local-org.env" ]] \
       && curl -s -o /dev/null --max-time 2 "$BASE/services/data"; then ready=1; break; fi
    sleep 0.5
  done
  [[ "$ready" == 1 ]] || { echo "The local org did not answer on $BASE within 120 s; log: $WORK/server.log" >&2; exit 1; }
  set -a
  # shellcheck disable=SC1091
  . "$WORK/org/local-org.env"
  set +a
  echo "Local org: $BASE (pid $SERVER_PID, -Xmx512m -XX:+UseParallelGC)"
}
