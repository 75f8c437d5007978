#!/usr/bin/env bash
# Creates what ImageFlow's gcp mode needs in a Google Cloud project, idempotently (what exists is left as it
# is): the bucket, the Pub/Sub topics and subscriptions, the Firestore database and its indexes, the service
# account with the roles it needs, and the Workload Identity binding of the Kubernetes service account.
#
#   k8s/provision.sh --project my-project [--region europe-west1] [--bucket imageflow-images]
#                    [--namespace imageflow] [--ksa imageflow] [--gsa imageflow] [--dry-run]
#
# --dry-run prints every command instead of running it (and runs no gcloud at all).
set -euo pipefail

project="" region="europe-west1" bucket="imageflow-images" namespace="imageflow" ksa="imageflow" gsa="imageflow"
dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --project) project="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --bucket) bucket="$2"; shift 2 ;;
    --namespace) namespace="$2"; shift 2 ;;
    --ksa) ksa="$2"; shift 2 ;;
    --gsa) gsa="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$project" ]; then
  echo "--project is required (see --help)" >&2
  exit 2
fi
sa_email="$gsa@$project.iam.gserviceaccount.com"

# run CMD...: runs it, or prints it in a dry run
print() { printf '%q ' "$@" | sed 's/ $//'; echo; }
run() {
  if $dry_run; then print "$@"; else "$@"; fi
}
# run_once CMD...: a create that fails when its resource exists already (Firestore indexes)
run_once() {
  if $dry_run; then print "$@"; else "$@" || echo "exists already (or is being built): $*" | cut -c1-120; fi
}
# ensure "DESCRIBE..." CMD...: runs CMD unless DESCRIBE finds the resource (a dry run prints CMD)
ensure() {
  local describe="$1"; shift
  if $dry_run; then print "$@"; return; fi
  if eval "$describe" >/dev/null 2>&1; then echo "exists: $*" | cut -c1-120; else "$@"; fi
}

# Topics (names as in application.yaml, imageflow.channels.*)
for topic in batch-accepted image-processing-queue image-results email-notification-pub-sub dead-letter; do
  ensure "gcloud pubsub topics describe $topic --project=$project" \
    gcloud pubsub topics create "$topic" --project="$project"
done

# subscription NAME TOPIC ACK_DEADLINE MIN_RETRY MAX_RETRY: exactly-once delivery, dead-lettering after
# 5 delivery attempts (Pub/Sub then counts attempts, which the images record), 7 days' retention
subscription() {
  ensure "gcloud pubsub subscriptions describe $1 --project=$project" \
    gcloud pubsub subscriptions create "$1" --project="$project" --topic="$2" --ack-deadline="$3" \
      --enable-exactly-once-delivery --dead-letter-topic=dead-letter --max-delivery-attempts=5 \
      --min-retry-delay="$4" --max-retry-delay="$5" --message-retention-duration=7d
}
subscription batch-accepted-sub batch-accepted 60 10s 600s
subscription image-processing-queue-sub image-processing-queue 60 30s 60s
subscription image-results-sub image-results 60 10s 600s
subscription email-notification-sub email-notification-pub-sub 600 10s 600s
ensure "gcloud pubsub subscriptions describe dead-letter-sub --project=$project" \
  gcloud pubsub subscriptions create dead-letter-sub --project="$project" --topic=dead-letter \
    --message-retention-duration=7d

# Pub/Sub's own service agent forwards undeliverable messages: it publishes to the dead-letter topic and
# acknowledges on the source subscriptions.
if $dry_run; then project_number='$PROJECT_NUMBER'; else
  project_number=$(gcloud projects describe "$project" --format='value(projectNumber)'); fi
pubsub_agent="serviceAccount:service-$project_number@gcp-sa-pubsub.iam.gserviceaccount.com"
run gcloud pubsub topics add-iam-policy-binding dead-letter --project="$project" \
  --member="$pubsub_agent" --role=roles/pubsub.publisher
for sub in batch-accepted-sub image-processing-queue-sub image-results-sub email-notification-sub; do
  run gcloud pubsub subscriptions add-iam-policy-binding "$sub" --project="$project" \
    --member="$pubsub_agent" --role=roles/pubsub.subscriber
done

# Bucket: uniform access, no public access; originals and results under {batchId}/input|output/
ensure "gcloud storage buckets describe gs://$bucket --project=$project" \
  gcloud storage buckets create "gs://$bucket" --project="$project" --location="$region" \
    --uniform-bucket-level-access --public-access-prevention

# Firestore (native mode) and the composite indexes of the two queries on status and age
ensure "gcloud firestore databases describe --database='(default)' --project=$project" \
  gcloud firestore databases create --database='(default)' --project="$project" --location="$region" \
    --type=firestore-native
run_once gcloud firestore indexes composite create --project="$project" --collection-group=batches --async \
  --field-config=field-path=status,order=ascending --field-config=field-path=createdAt,order=ascending
run_once gcloud firestore indexes composite create --project="$project" --collection-group=batches --async \
  --field-config=field-path=notifiedAt,order=ascending --field-config=field-path=completedAt,order=ascending

# The service account every route group runs as, with only what it needs:
ensure "gcloud iam service-accounts describe $sa_email --project=$project" \
  gcloud iam service-accounts create "$gsa" --project="$project" --display-name="ImageFlow"
# - objects in the bucket: write originals and results, read them, delete a refused upload's
run gcloud storage buckets add-iam-policy-binding "gs://$bucket" --member="serviceAccount:$sa_email" \
  --role=roles/storage.objectUser
# - publish to the channels, and pull and acknowledge their subscriptions
run gcloud projects add-iam-policy-binding "$project" --member="serviceAccount:$sa_email" --role=roles/pubsub.publisher --condition=None
run gcloud projects add-iam-policy-binding "$project" --member="serviceAccount:$sa_email" --role=roles/pubsub.subscriber --condition=None
# - see that its topics and subscriptions exist (the readiness check; the subscriber role cannot)
run gcloud projects add-iam-policy-binding "$project" --member="serviceAccount:$sa_email" --role=roles/pubsub.viewer --condition=None
# - read and write batch and image records
run gcloud projects add-iam-policy-binding "$project" --member="serviceAccount:$sa_email" --role=roles/datastore.user --condition=None
# - sign V4 download links through IAM (signBlob): with Workload Identity there is no private key to sign with
run gcloud iam service-accounts add-iam-policy-binding "$sa_email" --project="$project" \
  --member="serviceAccount:$sa_email" --role=roles/iam.serviceAccountTokenCreator
# Workload Identity: pods running as the Kubernetes service account $namespace/$ksa act as this account
run gcloud iam service-accounts add-iam-policy-binding "$sa_email" --project="$project" \
  --member="serviceAccount:$project.svc.id.goog[$namespace/$ksa]" --role=roles/iam.workloadIdentityUser
