#!/usr/bin/env bash
# SeaweedFS as an S3-compatible object store on 127.0.0.1 (`weed mini`: master, volume, filer and S3 in
# one process), built once from the Go module proxy into the cache.
#   infra/seaweedfs.sh {start|stop|status|env}
# Env: SEAWEEDFS_S3_PORT (8333), SEAWEEDFS_PORT_BASE (19300: master +33, volume +40, filer +88),
#      SEAWEEDFS_VERSION, S3_BUCKET (marketplace-images), MARKETPLACE_CACHE.
SERVICE=seaweedfs
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The Go proxy's only version of the module (upstream tags are not module versions).
SEAWEEDFS_VERSION="${SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
SEAWEEDFS_HOST=127.0.0.1
SEAWEEDFS_S3_PORT="${SEAWEEDFS_S3_PORT:-8333}"
SEAWEEDFS_PORT_BASE="${SEAWEEDFS_PORT_BASE:-19300}"
S3_BUCKET="${S3_BUCKET:-marketplace-images}"
# Local test credentials, not secrets: the server listens on the loopback only.
S3_ACCESS_KEY_ID=marketplace
S3_SECRET_ACCESS_KEY=marketplace-local-secret
STATE_DIR="$STATE_ROOT/seaweedfs"
BIN_DIR="$CACHE_ROOT/seaweedfs-$SEAWEEDFS_VERSION"
BIN="$BIN_DIR/weed"

# `go install module@version` refuses this module (its go.mod has replace directives), so the module is
# fetched from the proxy with `go mod download` and built in a copy of it, where its go.mod applies.
build() {
  [[ -x "$BIN" ]] && return 0
  require_cmd go "Go (https://go.dev/dl/ or apt-get install golang)"
  log "building SeaweedFS $SEAWEEDFS_VERSION into $BIN_DIR (takes minutes the first time)"
  mkdir -p "$BIN_DIR"
  (
    set -e
    cd "$BIN_DIR"
    dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
    rm -rf "src-$$" && cp -r "$dir" "src-$$" && chmod -R u+w "src-$$"
    cd "src-$$" && go build -o "$BIN.$$" ./weed && mv "$BIN.$$" "$BIN"
  ) >"$BIN_DIR/build.log" 2>&1 || { tail -n 20 "$BIN_DIR/build.log" >&2; die "building SeaweedFS $SEAWEEDFS_VERSION failed; see $BIN_DIR/build.log"; }
  rm -rf "$BIN_DIR/src-$$"
}

# The admin identity may do anything; anonymous callers may read, so image URLs work without signing.
write_s3_config() {
  cat >"$STATE_DIR/s3.json" <<JSON
{
  "identities": [
    { "name": "marketplace", "credentials": [{ "accessKey": "$S3_ACCESS_KEY_ID", "secretKey": "$S3_SECRET_ACCESS_KEY" }], "actions": ["Admin", "Read", "List", "Tagging", "Write"] },
    { "name": "anonymous", "actions": ["Read"] }
  ]
}
JSON
}

# The S3 API answers an unsigned request for the bucket (403 or 200, never a refused connection).
answers() {
  local code
  code="$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT/$S3_BUCKET/" 2>/dev/null)" || return 1
  [[ "$code" == 200 || "$code" == 403 || "$code" == 404 ]]
}

do_start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT"
    return 0
  fi
  require_cmd curl "curl"
  local port
  for port in "$SEAWEEDFS_S3_PORT" $((SEAWEEDFS_PORT_BASE + 33)) $((SEAWEEDFS_PORT_BASE + 40)) $((SEAWEEDFS_PORT_BASE + 88)); do
    ensure_port_free "$SEAWEEDFS_HOST" "$port"
  done
  build
  mkdir -p "$STATE_DIR/data"
  write_s3_config
  log "starting S3 on http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT (log: $STATE_DIR/seaweedfs.log)"
  : >"$STATE_DIR/seaweedfs.log"
  launch_daemon "$STATE_DIR/seaweedfs.log" 120 "SeaweedFS S3 answering on http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT" answers -- \
    "$BIN" mini -ip "$SEAWEEDFS_HOST" -ip.bind "$SEAWEEDFS_HOST" -dir "$STATE_DIR/data" \
    -master.port $((SEAWEEDFS_PORT_BASE + 33)) -volume.port $((SEAWEEDFS_PORT_BASE + 40)) -filer.port $((SEAWEEDFS_PORT_BASE + 88)) \
    -s3.port "$SEAWEEDFS_S3_PORT" -s3.config "$STATE_DIR/s3.json" -s3.port.iceberg 0 -s3.port.lance 0 \
    -bucket "$S3_BUCKET" -webdav=false -admin.ui=false -master.telemetry=false
}

do_stop() { stop_pid 20; }

do_status() { report_status "http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT" answers; }

do_env() {
  export_pair S3_ENDPOINT "http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT"
  export_pair S3_BUCKET "$S3_BUCKET"
  export_pair S3_REGION us-east-1
  export_pair S3_ACCESS_KEY_ID "$S3_ACCESS_KEY_ID"
  export_pair S3_SECRET_ACCESS_KEY "$S3_SECRET_ACCESS_KEY"
}

dispatch "$@"
