#!/usr/bin/env bash
# `npm ci`, with one narrow fallback. npm 11's `npm ci` rejects a lock that lacks entries for other
# platforms' optional binaries (npm/cli#8805), and a lock made against a registry that cannot serve
# those binaries never has them. Only when every package `npm ci` reports missing is an optional
# dependency declared in the lock does this install with `npm install --no-save`, which follows the
# lock and writes nothing; any other failure fails. Used by .ci/run and the Dockerfile.
set -uo pipefail

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

npm ci --no-audit --no-fund "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
((status == 0)) && exit 0

only_optional_missing() {
  node -e '
    const fs = require("node:fs");
    const missing = [...fs.readFileSync(process.argv[1], "utf8").matchAll(/Missing: (@?[^@\s]+)@\S* from lock file/g)].map((m) => m[1]);
    const optional = new Set(Object.values(require("./package-lock.json").packages ?? {}).flatMap((p) => Object.keys(p.optionalDependencies ?? {})));
    process.exit(missing.length > 0 && missing.every((name) => optional.has(name)) ? 0 : 1);
  ' "$log"
}

if only_optional_missing; then
  echo "npm ci: the lock lacks only other platforms' optional packages; installing from the lock with npm install --no-save"
  npm install --no-save --no-audit --no-fund "$@"
  exit
fi
exit "$status"
