#!/usr/bin/env bash
# The curl baseline of the end-to-end benchmark: moves the same bytes as EndToEndBenchmark with plain curl
# (create job, upload the CSV, close, poll, download successful results; then a query job, poll, download every
# page) and prints the seconds each half took.
# Usage: SF_INSTANCE_URL=http://127.0.0.1:PORT SF_ACCESS_TOKEN=... curl-baseline.sh accounts.csv TAG
set -euo pipefail
file=$1
tag=$2
base="$SF_INSTANCE_URL/services/data/v62.0"
auth="Authorization: Bearer $SF_ACCESS_TOKEN"
now() { date +%s.%N; }
state() { curl -s -H "$auth" "$base/jobs/$1/$2" | sed -E 's/.*"state" *: *"([A-Za-z]+)".*/\1/'; }
wait_done() { while :; do s=$(state "$1" "$2"); case $s in JobComplete|Failed|Aborted) echo "$s"; return;; esac; sleep 0.2; done; }

t0=$(now)
job=$(curl -s -H "$auth" -H 'Content-Type: application/json' -X POST "$base/jobs/ingest" \
  -d '{"object":"Account","operation":"insert","lineEnding":"LF","columnDelimiter":"COMMA"}' \
  | sed -E 's/.*"id" *: *"([^"]+)".*/\1/')
curl -s -o /dev/null -H "$auth" -H 'Content-Type: text/csv' -X PUT --data-binary "@$file" "$base/jobs/ingest/$job/batches"
curl -s -o /dev/null -H "$auth" -H 'Content-Type: application/json' -X PATCH -d '{"state":"UploadComplete"}' \
  "$base/jobs/ingest/$job"
echo "ingest job $job: $(wait_done ingest "$job")"
curl -s -o /dev/null -H "$auth" "$base/jobs/ingest/$job/successfulResults/"
t1=$(now)
echo "curl ingest: $(echo "$t1 - $t0" | bc) s"

soql="SELECT Id, Name, External_Key__c, NumberOfEmployees, Industry, Description FROM Account WHERE External_Key__c LIKE '$tag-%'"
q=$(curl -s -H "$auth" -H 'Content-Type: application/json' -X POST "$base/jobs/query" \
  -d "{\"operation\":\"query\",\"query\":\"$soql\"}" | sed -E 's/.*"id" *: *"([^"]+)".*/\1/')
echo "query job $q: $(wait_done query "$q")"
out=$(mktemp)
locator=""
while :; do
  url="$base/jobs/query/$q/results?maxRecords=100000${locator:+&locator=$locator}"
  locator=$(curl -s -D - -o >(cat >> "$out") -H "$auth" "$url" | tr -d '\r' | sed -n 's/^[Ss]force-[Ll]ocator: //p')
  [[ -z "$locator" || "$locator" == "null" ]] && break
done
t2=$(now)
echo "curl export: $(echo "$t2 - $t1" | bc) s, $(wc -c < "$out") bytes"
rm -f "$out"
