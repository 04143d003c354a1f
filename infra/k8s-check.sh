#!/usr/bin/env bash
# Renders k8s/ with kustomize and validates every resource (and secret.template.yaml) with kubeconform in
# strict mode, offline: the JSON Schemas are generated (infra/k8s-schemas) from the OpenAPI document
# that the k8s.io/kubernetes Go module ships, instead of kubeconform's download from the internet.
# Then checks that every app has its Deployment (probes on /health and /ready), Service, PDB and HPA.
#   infra/k8s-check.sh
SERVICE=k8s
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KUBECONFORM_VERSION=v0.8.0
KUSTOMIZE_VERSION=v5.8.1
# The API version the manifests are checked against: the oldest Kubernetes we support.
KUBERNETES_VERSION=v1.34.2
APPS=(gateway identity catalog orders payments search notifications ops)

require_cmd go "Go (the tools and the Kubernetes schemas come from the Go module proxy)"

tools="$CACHE_ROOT/k8s-tools-kubeconform-$KUBECONFORM_VERSION-kustomize-$KUSTOMIZE_VERSION"
if [[ ! -x "$tools/kubeconform" || ! -x "$tools/kustomize" ]]; then
  log "installing kubeconform $KUBECONFORM_VERSION and kustomize $KUSTOMIZE_VERSION into $tools"
  mkdir -p "$tools"
  GOBIN="$tools" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" || die "go install kubeconform failed"
  GOBIN="$tools" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" || die "go install kustomize failed"
fi

converter="$INFRA_DIR/k8s-schemas"
key="$(cat "$converter/go.mod" "$converter/main.go" | sha256sum | cut -c1-12)"
schemas="$CACHE_ROOT/k8s-schemas-$KUBERNETES_VERSION-$key"
if [[ ! -f "$schemas/deployment-apps-v1.json" ]]; then
  log "generating the Kubernetes $KUBERNETES_VERSION schemas into $schemas"
  # Outside any go.mod, so that the download is only a download.
  module_dir="$(cd / && go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -f "$module_dir/api/openapi-spec/swagger.json" ]] || die "k8s.io/kubernetes@$KUBERNETES_VERSION has no api/openapi-spec/swagger.json"
  (cd "$converter" && go run . "$module_dir/api/openapi-spec/swagger.json" "$schemas.tmp" >&2) || die "generating the schemas failed"
  rm -rf "$schemas" && mv "$schemas.tmp" "$schemas"
fi

# kubeconform reads only files named *.yaml, *.yml or *.json.
rendered="$(mktemp --suffix=.yaml)"
trap 'rm -f "$rendered"' EXIT
"$tools/kustomize" build "$REPO_ROOT/k8s" >"$rendered" || die "kustomize build k8s/ failed"
log "validating $(grep -c '^kind:' "$rendered") rendered resources and secret.template.yaml (strict, Kubernetes $KUBERNETES_VERSION)"
"$tools/kubeconform" -strict -summary -schema-location "$schemas/{{.ResourceKind}}{{.KindSuffix}}.json" \
  "$rendered" "$REPO_ROOT/k8s/secret.template.yaml" || die "kubeconform found invalid manifests"

# What the schemas cannot say: each app has all four objects, and probes on /health and /ready (the
# gateway's readiness on /health: its /ready waits for every service behind it).
count() { grep -c "$1" "$rendered" || true; }
for kind in Deployment Service PodDisruptionBudget HorizontalPodAutoscaler; do
  [[ "$(count "^kind: $kind\$")" == "${#APPS[@]}" ]] || die "expected ${#APPS[@]} ${kind}s (one per app), found $(count "^kind: $kind\$")"
done
for app in "${APPS[@]}"; do
  [[ "$(count "^  name: $app\$")" == 4 ]] || die "$app lacks one of its Deployment, Service, PodDisruptionBudget or HorizontalPodAutoscaler"
done
[[ "$(count 'path: /health$')" == $((2 * ${#APPS[@]} + 1)) && "$(count 'path: /ready$')" == $((${#APPS[@]} - 1)) ]] ||
  die "every Deployment needs startup and liveness probes on /health and a readiness probe on /ready (the gateway's on /health)"
log "k8s/ is valid: ${#APPS[@]} apps, each with Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler"
