#!/usr/bin/env bash
# Validates docker-compose.yml: `docker compose config` when the compose plugin is installed, else the
# same loader (compose-go) built once with Go into the cache.   infra/compose-config.sh [-q]
SERVICE=compose
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMPOSE_FILE="$REPO_ROOT/docker-compose.yml"
quiet="${1:-}"

if docker compose version >/dev/null 2>&1; then
  log "validating with docker compose config"
  exec docker compose -f "$COMPOSE_FILE" config ${quiet:+--quiet}
fi

require_cmd go "Go, or the docker compose plugin"
checker_src="$INFRA_DIR/compose-check"
# Rebuilt whenever its sources or pinned dependencies change.
key="$(cat "$checker_src/go.mod" "$checker_src/go.sum" "$checker_src/main.go" | sha256sum | cut -c1-12)"
checker="$CACHE_ROOT/compose-check-$key/compose-check"
if [[ ! -x "$checker" ]]; then
  log "building the compose-go checker into $(dirname "$checker")"
  mkdir -p "$(dirname "$checker")"
  (cd "$checker_src" && go build -o "$checker" .) || die "building the compose checker failed"
fi
log "validating with compose-go (docker compose plugin not installed)"
if [[ -n "$quiet" ]]; then
  "$checker" "$COMPOSE_FILE" >/dev/null
else
  "$checker" "$COMPOSE_FILE"
fi
log "docker-compose.yml is valid"
