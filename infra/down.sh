#!/usr/bin/env bash
# Stops what infra/up.sh started, in reverse order; stopping a stopped service is a no-op.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0
for service in seaweedfs redis stripe-mock kafka pgvector postgres; do
  bash "$here/$service.sh" stop || status=1
done
exit "$status"
