# Shared helpers for the infra/ scripts. Sourced, not executed.
# Every service keeps its state under <repo>/.infra/<name>/ and its downloads under the cache dir,
# which lives outside the repo so that a fresh clone on the same machine starts quickly.

set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/.." && pwd)"
STATE_ROOT="$REPO_ROOT/.infra"
CACHE_ROOT="${MARKETPLACE_CACHE:-$HOME/.cache/marketplace}"
# Go's official tarball installs outside the default PATH.
PATH="$PATH:/usr/local/go/bin"

log() { printf '[infra:%s] %s\n' "${SERVICE:-infra}" "$*" >&2; }
die() { printf '[infra:%s] error: %s\n' "${SERVICE:-infra}" "$*" >&2; exit 1; }

require_cmd() { # require_cmd <command> <what to install>
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH: install $2"
}

# True when something accepts TCP connections on host:port (bash's /dev/tcp: no nc needed).
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") >/dev/null 2>&1
}

# Waits until <check command...> succeeds, or fails after <seconds>; stops early when the pid dies.
wait_until() { # wait_until <seconds> <pid|""> <description> <command...>
  local timeout="$1" pid="$2" what="$3"; shift 3
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if (( SECONDS >= deadline )); then
      log "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

# pid file handling: <state dir>/<service>.pid holds the pid of the process this script started.
pid_file() { echo "$STATE_DIR/$SERVICE.pid"; }

running_pid() { # prints the pid and succeeds when our process is alive
  local f; f="$(pid_file)"
  [[ -f "$f" ]] || return 1
  local pid; pid="$(cat "$f")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# Stops the process in the pid file: TERM, then KILL after <grace> seconds.
stop_pid() { # stop_pid <grace seconds>
  local grace="${1:-20}" pid
  if ! pid="$(running_pid)"; then
    rm -f "$(pid_file)"
    log "not running"
    return 0
  fi
  log "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      log "still running after ${grace}s, killing"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.3
  done
  rm -f "$(pid_file)"
  log "stopped"
}

# Starts a daemon in the background with its pid in the pid file and its output in <log>, then waits for
# <ready command...>; on failure shows the log's tail, stops it and exits with an error.
launch_daemon() { # launch_daemon <log> <timeout seconds> <what> <ready command...> -- <daemon argv...>
  local logfile="$1" timeout="$2" what="$3"; shift 3
  local ready=()
  while [[ "$1" != "--" ]]; do ready+=("$1"); shift; done
  shift
  nohup "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$(pid_file)"
  if ! wait_until "$timeout" "$pid" "$what" "${ready[@]}"; then
    tail -n 40 "$logfile" >&2
    do_stop
    die "$what did not happen; see $logfile"
  fi
  log "ready (pid $pid)"
}

# Prints the state of the daemon in the pid file, judged by <health command...>; exits 0 when running,
# 1 when its process lives but does not answer (yet), 3 when stopped (the LSB status codes).
report_status() { # report_status <where it answers> <health command...>
  local where="$1" pid; shift
  if pid="$(running_pid)" && "$@"; then
    echo "$SERVICE: running (pid $pid) on $where"
  elif pid="$(running_pid)"; then
    echo "$SERVICE: starting or unhealthy (pid $pid)"; return 1
  else
    echo "$SERVICE: stopped"; return 3
  fi
}

# Fails clearly when a port we are about to bind is taken by something that is not ours.
ensure_port_free() { # ensure_port_free <host> <port>
  if port_open "$1" "$2"; then
    die "port $2 on $1 is already in use by another process; stop it or choose another port (see the script's env vars)"
  fi
}

# Serialises start and stop of one service, so that two test runs starting it at once do not race
# (the second finds it running instead of failing on a taken port). Daemons are started with `9>&-`
# so that they do not inherit, and hold forever, the lock's descriptor.
with_lock() { # with_lock <command...>
  mkdir -p "$STATE_ROOT"
  exec 9>"$STATE_ROOT/$SERVICE.lock"
  flock -w 900 9 || die "timed out waiting for another start/stop of $SERVICE"
  "$@"
}

# Runs `start` / `stop` / `status` / `env` from the including script's functions.
# `env` prints the service's export lines when it is running, nothing otherwise.
dispatch() { # dispatch "$@"
  case "${1:-}" in
    start) with_lock do_start ;;
    stop) with_lock do_stop ;;
    status) do_status ;;
    env) if do_status >/dev/null 2>&1; then do_env; fi ;;
    *) echo "usage: $0 {start|stop|status|env}" >&2; exit 2 ;;
  esac
}

# Prints `export NAME=value` and `export TEST_NAME=value` for the app and the test suites.
export_pair() { # export_pair <NAME> <value>
  printf 'export %s=%q\nexport TEST_%s=%q\n' "$1" "$2" "$1" "$2"
}
