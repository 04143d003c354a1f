#!/usr/bin/env bash
# A real Redis on 127.0.0.1 for the gateway's rate limits: Debian's redis-server, no persistence.
#   infra/redis.sh {start|stop|status|env}
# Env: REDIS_PORT (6380, so that a system Redis on 6379 is left alone).
SERVICE=redis
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REDIS_HOST=127.0.0.1
REDIS_PORT="${REDIS_PORT:-6380}"
STATE_DIR="$STATE_ROOT/redis"

# Uses the installed redis-server; as root, installs Debian's package once.
ensure_installed() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "'redis-server' not found on PATH: install it (e.g. apt-get install redis-server) or run this script as root on Debian/Ubuntu"
  fi
  log "installing Debian's redis-server with apt-get"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server; } \
    >"$STATE_DIR/apt.log" 2>&1 || { tail -n 30 "$STATE_DIR/apt.log" >&2; die "apt-get could not install redis-server"; }
}

# A PING answered with +PONG proves Redis serves commands, not merely that the port is open.
redis_answers() {
  local reply
  reply="$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "PING\r\n" >&3
    head -c 5 <&3
  ' "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null)" || return 1
  [[ "$reply" == "+PONG" ]]
}

do_start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  mkdir -p "$STATE_DIR"
  ensure_installed
  ensure_port_free "$REDIS_HOST" "$REDIS_PORT"
  log "starting Redis on $REDIS_HOST:$REDIS_PORT (log: $STATE_DIR/server.log)"
  : >"$STATE_DIR/server.log"
  # Rate-limit counters are short-lived: no RDB snapshots, no AOF.
  launch_daemon "$STATE_DIR/server.log" 30 "Redis answering PING on $REDIS_HOST:$REDIS_PORT" redis_answers -- \
    redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --save '' --appendonly no --dir "$STATE_DIR" --daemonize no
}

do_stop() { stop_pid 10; }

do_status() { report_status "$REDIS_HOST:$REDIS_PORT" redis_answers; }

do_env() { export_pair REDIS_URL "redis://$REDIS_HOST:$REDIS_PORT"; }

dispatch "$@"
