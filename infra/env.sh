#!/usr/bin/env bash
# Prints export lines (DATABASE_URL, PGVECTOR_DATABASE_URL, KAFKA_BROKERS, STRIPE_API_BASE, REDIS_URL, S3_* and their
# TEST_* twins) for every infra/ service that is running:  eval "$(bash infra/env.sh)"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for service in postgres pgvector kafka stripe-mock redis seaweedfs; do
  bash "$here/$service.sh" env
done
