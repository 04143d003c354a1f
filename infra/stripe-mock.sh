#!/usr/bin/env bash
# stripe-mock (Stripe's own API mock) on 127.0.0.1 over HTTP, built once with `go install` into the cache.
#   infra/stripe-mock.sh {start|stop|status|env}
# Env: STRIPE_MOCK_PORT (12111), STRIPE_MOCK_HTTPS_PORT (STRIPE_MOCK_PORT+1), STRIPE_MOCK_VERSION, MARKETPLACE_CACHE.
SERVICE=stripe-mock
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STRIPE_MOCK_VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"
STRIPE_MOCK_HOST=127.0.0.1
STRIPE_MOCK_PORT="${STRIPE_MOCK_PORT:-12111}"
# stripe-mock always serves HTTPS too (on :12112, all interfaces, unless told otherwise): keep it local and movable.
STRIPE_MOCK_HTTPS_PORT="${STRIPE_MOCK_HTTPS_PORT:-$((STRIPE_MOCK_PORT + 1))}"
STATE_DIR="$STATE_ROOT/stripe-mock"
BIN_DIR="$CACHE_ROOT/stripe-mock-$STRIPE_MOCK_VERSION"
BIN="$BIN_DIR/stripe-mock"

build() {
  [[ -x "$BIN" ]] && return 0
  require_cmd go "Go (https://go.dev/dl/ or apt-get install golang)"
  log "building stripe-mock $STRIPE_MOCK_VERSION with go install into $BIN_DIR"
  mkdir -p "$BIN_DIR"
  # Built outside any module so the repo's files never affect it.
  (cd "$BIN_DIR" && GOBIN="$BIN_DIR" GOFLAGS=-mod=mod go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION") \
    >"$BIN_DIR/build.log" 2>&1 || { cat "$BIN_DIR/build.log" >&2; die "go install github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION failed"; }
}

# stripe-mock answers any authenticated API call; a 200 on a list call means it serves requests.
answers() {
  curl -fsS -m 2 -o /dev/null -H 'Authorization: Bearer sk_test_123' \
    "http://$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT/v1/customers" 2>/dev/null
}

do_start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT"
    return 0
  fi
  require_cmd curl "curl"
  ensure_port_free "$STRIPE_MOCK_HOST" "$STRIPE_MOCK_PORT"
  ensure_port_free "$STRIPE_MOCK_HOST" "$STRIPE_MOCK_HTTPS_PORT"
  build
  mkdir -p "$STATE_DIR"
  log "starting on http://$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT (log: $STATE_DIR/stripe-mock.log)"
  : >"$STATE_DIR/stripe-mock.log"
  launch_daemon "$STATE_DIR/stripe-mock.log" 30 "stripe-mock answering on http://$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT" answers -- \
    "$BIN" -http-addr "$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT" -https-addr "$STRIPE_MOCK_HOST:$STRIPE_MOCK_HTTPS_PORT"
}

do_stop() { stop_pid 10; }

do_status() { report_status "http://$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT" answers; }

do_env() { export_pair STRIPE_API_BASE "http://$STRIPE_MOCK_HOST:$STRIPE_MOCK_PORT"; }

dispatch "$@"
