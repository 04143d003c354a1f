#!/usr/bin/env bash
# Creates .venv-analysts with the Python consumer's pinned requirements (examples/python-consumer), for
# the analysts' e2e test; reinstalls only when requirements.txt changed. Installs Debian's python3-venv
# when the machine's python3 cannot make a venv.   infra/analysts-venv.sh   (prints the venv's python)
SERVICE=analysts
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VENV="$REPO_ROOT/.venv-analysts"
REQUIREMENTS="$REPO_ROOT/examples/python-consumer/requirements.txt"

require_cmd python3 "Python 3.10 or later"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || die "Python 3.10 or later is needed, found $(python3 --version)"

if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  require_cmd apt-get "python3-venv (this python3 cannot create a venv)"
  log "installing python3-venv with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null || die "apt-get install python3-venv failed"
fi

stamp="$VENV/.requirements.sha256"
wanted="$(sha256sum "$REQUIREMENTS" | cut -c1-64)"
if [[ ! -x "$VENV/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
  log "creating $VENV from $REQUIREMENTS"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --requirement "$REQUIREMENTS" || die "pip install failed"
  echo "$wanted" >"$stamp"
fi
"$VENV/bin/python" -c 'import confluent_kafka, jsonschema' || die "$VENV lacks confluent-kafka or jsonschema"
log "ready: $VENV/bin/python"
echo "$VENV/bin/python"
