#!/usr/bin/env bash
# Starts PostgreSQL, a second PostgreSQL with pgvector, Kafka, stripe-mock, Redis and SeaweedFS (S3) on 127.0.0.1 (each a no-op
# when already running).
# Then `eval "$(bash infra/env.sh)"` points the apps and the tests at them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for service in postgres pgvector kafka stripe-mock redis seaweedfs; do
  bash "$here/$service.sh" start
done
