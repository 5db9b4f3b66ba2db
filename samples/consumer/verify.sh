#!/usr/bin/env bash
# Builds this sample as a user would: copied outside the repository, against the kinetic artifacts installed by
# `mvn -B install -DskipTests` at the repository root. Extra arguments go to Maven (e.g. -Dmaven.repo.local=DIR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$here/pom.xml" "$here/src" "$work/"
cd "$work"
mvn -B verify "$@"
