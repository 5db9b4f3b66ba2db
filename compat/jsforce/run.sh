#!/usr/bin/env bash
# Runs jsforce's Bulk API 2.0 client, unmodified, against a fresh local org: builds the local org's jar if needed,
# starts it on a free port with a temporary data directory, installs the pinned jsforce (npm ci), runs smoke.mjs.
# Needs Node.js 18+ and npm (installed with apt-get when missing and running as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/compat/lib/local-org.sh"

need_node_and_npm jsforce
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

start_local_org "$root"
echo "jsforce $(node -p "require('$here/node_modules/jsforce/package.json').version") against the local org at $SF_LOGIN_URL"
node "$here/smoke.mjs"
