#!/usr/bin/env bash
# Deploys ImageFlow to the GKE cluster kubectl points at, in this order:
#   1. the project's Google resources: k8s/provision.sh (bucket, topics and subscriptions, Firestore,
#      service account and its roles, Workload Identity binding);
#   2. KEDA's read access to Cloud Monitoring (keda/README.md);
#   3. the namespace and the Secrets, from the environment (never from a file in the repository);
#   4. k8s/ with this project's image, address and service account; then keda/; then waits for the rollout.
# --dry-run prints every command (and the manifests it would apply) and changes nothing.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: k8s/deploy.sh --project ID --image IMAGE --host HOST [--region REGION] [--namespace NS]
                     [--skip-provision] [--skip-keda] [--dry-run]
  --project   Google Cloud project id (or IMAGEFLOW_PROJECT)
  --image     the image built from the Dockerfile, e.g. europe-west1-docker.pkg.dev/ID/imageflow/imageflow:0.1.0
  --host      the public host name of the web app and API, e.g. imageflow.example.com
  --region    where k8s/provision.sh creates the bucket (default europe-west1)
Secrets come from the environment when set: IMAGEFLOW_ADMIN_PASSWORD (Hawtio and metrics; unset = none),
SMTP_USERNAME and SMTP_PASSWORD (the mail relay's login).
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
project="${IMAGEFLOW_PROJECT:-}"
image=""
host=""
region="europe-west1"
namespace="imageflow"
provision=true
keda=true
dry_run=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    --project) project="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --namespace) namespace="$2"; shift 2 ;;
    --skip-provision) provision=false; shift ;;
    --skip-keda) keda=false; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [[ -z "$project" || -z "$image" || -z "$host" ]]; then
  echo "--project, --image and --host are required" >&2; usage >&2; exit 2
fi

# Runs a command, or only prints it with --dry-run.
run() {
  if $dry_run; then printf '+'; printf ' %q' "$@"; echo; else "$@"; fi
}

# Applies a Secret from environment variables (key=VARIABLE ...); the values go through a pipe, never
# into a command line or the output.
apply_secret() {
  local name="$1"; shift
  local lines="" shown="" pair key variable
  for pair in "$@"; do
    key="${pair%%=*}"; variable="${pair#*=}"
    [[ -n "${!variable:-}" ]] || continue
    lines+="$key=${!variable}"$'\n'
    shown+=" $key=<\$$variable>"
  done
  if [[ -z "$lines" ]]; then
    echo "# no Secret $name: none of its variables is set"
  elif $dry_run; then
    echo "+ kubectl -n $namespace create secret generic $name$shown | kubectl apply -f -"
  else
    kubectl -n "$namespace" create secret generic "$name" --from-env-file=<(printf '%s' "$lines") \
      --dry-run=client -o yaml | kubectl apply -f -
  fi
}

for tool in kubectl gcloud; do
  if ! $dry_run && ! command -v "$tool" >/dev/null; then echo "$tool is needed" >&2; exit 1; fi
done

# 1. Google resources
if $provision; then
  if [[ ! -x "$here/provision.sh" ]]; then
    echo "k8s/provision.sh is missing (the gcp mode's provisioning script); --skip-provision if done already" >&2
    exit 1
  fi
  # its service account (imageflow) and Kubernetes service account (imageflow) are the manifests' defaults
  if $dry_run; then
    "$here/provision.sh" --project "$project" --region "$region" --namespace "$namespace" --dry-run
  else
    "$here/provision.sh" --project "$project" --region "$region" --namespace "$namespace"
  fi
fi

# 2. KEDA reads the subscriptions' backlog from Cloud Monitoring as its operator's own identity
if $keda; then
  keda_gsa="keda-operator@${project}.iam.gserviceaccount.com"
  if $dry_run || ! gcloud iam service-accounts describe "$keda_gsa" --project "$project" >/dev/null 2>&1; then
    run gcloud iam service-accounts create keda-operator --project "$project" \
      --display-name "KEDA operator: reads Pub/Sub backlog from Cloud Monitoring"
  fi
  run gcloud projects add-iam-policy-binding "$project" --condition=None \
    --member "serviceAccount:$keda_gsa" --role roles/monitoring.viewer
  run gcloud iam service-accounts add-iam-policy-binding "$keda_gsa" --project "$project" \
    --role roles/iam.workloadIdentityUser --member "serviceAccount:${project}.svc.id.goog[keda/keda-operator]"
  run kubectl -n keda annotate serviceaccount keda-operator --overwrite \
    "iam.gke.io/gcp-service-account=$keda_gsa"
fi

# 3. the namespace and the Secrets
if $dry_run; then
  echo "+ kubectl create namespace $namespace | kubectl apply"
else
  kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f -
fi
apply_secret imageflow-admin password=IMAGEFLOW_ADMIN_PASSWORD
apply_secret imageflow-mail username=SMTP_USERNAME password=SMTP_PASSWORD

# 4. the manifests, with this project's values laid over k8s/ and keda/ (an overlay written for this run)
image_name="${image%:*}" image_tag="${image##*:}"
if [[ "$image" != *:* || "$image_tag" == */* ]]; then image_name="$image" image_tag=latest; fi
overlay="$repo/target/k8s-overlay"
rm -rf "$overlay" && mkdir -p "$overlay/app" "$overlay/keda"
cat > "$overlay/app/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $namespace
resources:
  - ../../../k8s
images:
  - name: imageflow
    newName: $image_name
    newTag: "$image_tag"
configMapGenerator:
  - name: imageflow-settings
    behavior: merge
    literals:
      - IMAGEFLOW_GCP_PROJECT_ID=$project
      - IMAGEFLOW_PUBLIC_URL=https://$host
patches:
  - target: {kind: ServiceAccount, name: imageflow}
    patch: |-
      - op: replace
        path: /metadata/annotations/iam.gke.io~1gcp-service-account
        value: imageflow@${project}.iam.gserviceaccount.com
  - target: {kind: Ingress, name: api}
    patch: |-
      - op: replace
        path: /spec/rules/0/host
        value: $host
YAML
cat > "$overlay/keda/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $namespace
resources:
  - ../../../keda
patches:
  - target: {kind: ScaledObject}
    patch: |-
      - op: replace
        path: /spec/triggers/0/metadata/serverAddress
        value: https://monitoring.googleapis.com/v1/projects/${project}/location/global/prometheus
YAML

# applies one of the overlays; --dry-run prints what it would apply
apply_overlay() {
  if $dry_run; then
    echo "+ kubectl apply -k target/k8s-overlay/$1"
    kubectl kustomize "$overlay/$1"
  else
    kubectl apply -k "$overlay/$1"
  fi
}

apply_overlay app
if $keda; then
  if ! $dry_run && ! kubectl get crd scaledobjects.keda.sh >/dev/null 2>&1; then
    echo "KEDA is not installed in this cluster (keda/README.md says how); --skip-keda to go without" >&2
    exit 1
  fi
  apply_overlay keda
fi
for deployment in api manager processor notifier; do
  run kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=10m
done
