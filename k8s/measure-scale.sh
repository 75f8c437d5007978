#!/usr/bin/env bash
# Scale, shown on one machine: the four route groups as separate JVMs from the packaged jar, as the four
# Deployments run them: Pub/Sub and Firestore on Google's emulators, blobs in one directory they share
# (imageflow.storage=local). One processor JVM is started and, once ready, a backlog of real photos (IMAGES,
# from ../shared/corpus, repeated as needed) is queued through the api; then two processors and a second backlog.
# Prints one line per run:
#   processors=<n> images=<k> seconds=<t> images_per_second=<r> load=<1-minute load when it ended>
#   mvn -DskipTests package && k8s/measure-scale.sh
# IMAGES (300), CORPUS (../shared/corpus), WIDTH (1024: each image resized to fit it), CONCURRENCY (1: images
# one processor transforms at once, as a pod given one CPU), PROCESSOR_HEAP (512m). The clock starts when the
# processors are ready and the first upload begins (so it includes the uploads, which overlap the processing;
# start-up is left out: k8s/measure-cold-start.sh measures it) and stops when every batch is finished.
# Logs stay in $WORK (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

images="${IMAGES:-300}" corpus="${CORPUS:-../shared/corpus}" width="${WIDTH:-1024}"
concurrency="${CONCURRENCY:-1}" processor_heap="${PROCESSOR_HEAP:-512m}"
jar="target/imageflow.jar" work="${WORK:-$(mktemp -d)}"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -DskipTests package first" >&2; exit 1; }
mapfile -t photos < <(find "$corpus" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) | sort)
(( ${#photos[@]} > 0 )) || { echo "no JPEG photos in $corpus" >&2; exit 1; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
emulator_jar() { dpkg -L "$1" 2>/dev/null | grep -E "$2" | head -n 1 || true; }

pubsub_jar=$(emulator_jar google-cloud-cli-pubsub-emulator 'cloud-pubsub-emulator-.*-all\.jar$')
firestore_jar=$(emulator_jar google-cloud-cli-firestore-emulator 'cloud-firestore-emulator\.jar$')
[[ -n "$pubsub_jar" && -n "$firestore_jar" ]] || {
  echo "Google's emulators are missing: install google-cloud-cli-pubsub-emulator and google-cloud-cli-firestore-emulator" >&2; exit 1; }
pubsub="127.0.0.1:$(free_port)" firestore="127.0.0.1:$(free_port)"
java -Xmx384m -XX:+UseSerialGC -jar "$pubsub_jar" --host=127.0.0.1 --port="${pubsub#*:}" > "$work/pubsub.log" 2>&1 &
pids+=($!)
java -Xmx384m -XX:+UseSerialGC -cp "$firestore_jar" com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
  --host=127.0.0.1 --port="${firestore#*:}" > "$work/firestore.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null "http://$pubsub/" && curl -s -o /dev/null "http://$firestore/"; do sleep 0.5; done

shared="$work/shared"
mkdir -p "$shared"
common=(--imageflow.storage=local --imageflow.queue=pubsub --imageflow.store=firestore --imageflow.data-dir="$shared"
  --imageflow.gcp.project-id="scale-$RANDOM" --camel.component.google-pubsub.endpoint="$pubsub"
  --camel.component.google-pubsub.authenticate=false --imageflow.gcp.firestore-emulator-host="$firestore"
  --imageflow.pubsub.auto-create=true --imageflow.processing.concurrency="$concurrency"
  --imageflow.limits.batches-per-minute=1000)

# start <group> <heap> [more arguments]: prints "<pid> <http port> <management port>", returns at once
start() {
  local group="$1" heap="$2"; shift 2
  local port management
  port=$(free_port) management=$(free_port)
  java -Xmx"$heap" -jar "$jar" --spring.profiles.active="$group" "${common[@]}" --server.port="$port" \
    --management.server.port="$management" --spring.mail.port="$(free_port)" --imageflow.mail.imap-port="$(free_port)" \
    --imageflow.mail.mailbox-port="$(free_port)" "$@" > "$work/$group-$port.log" 2>&1 &
  echo "$! $port $management"
}
# ready <pid> <management port>: waits until it answers its readiness probe, or stops if it died
ready() {
  until curl -sf "http://127.0.0.1:$2/actuator/health/readiness" > /dev/null; do
    kill -0 "$1" 2>/dev/null || { echo "a JVM exited at start-up; logs: $work" >&2; exit 1; }
    sleep 0.5
  done
}

# one after the other: four JVMs starting at once on two cores take minutes each
read -r api_pid api_port api_management < <(start api 384m); pids+=("$api_pid"); ready "$api_pid" "$api_management"
read -r pid _ management < <(start manager 384m); pids+=("$pid"); ready "$pid" "$management"
read -r pid _ management < <(start notifier 384m --imageflow.mail.embedded=true); pids+=("$pid"); ready "$pid" "$management"
api="http://127.0.0.1:$api_port/api/v1/batches"

# queue <count>: uploads that many photos (the corpus round and round) in batches of 50; prints the batch ids
queue() {
  local left="$1" next=0
  while (( left > 0 )); do
    local size=$(( left < 50 ? left : 50 )) files=()
    for (( i = 0; i < size; i++ )); do
      files+=(-F "files=@${photos[$(( next % ${#photos[@]} ))]};filename=photo-$next.jpg"); next=$(( next + 1 ))
    done
    curl -sf "${files[@]}" -F "metadata={\"email\": \"scale@example.com\", \"operations\": [{\"type\": \"resize\", \"width\": $width}]}" \
      "$api" | python3 -c 'import json, sys; print(json.load(sys.stdin)["batchId"])'
    left=$(( left - size ))
  done
}
unfinished() {
  local count=0
  for batch in "$@"; do
    curl -sf "$api/$batch" | grep -q '"status" *: *"COMPLETED' || count=$(( count + 1 ))
  done
  echo "$count"
}

for processors in 1 2; do
  started=()
  for (( p = 0; p < processors; p++ )); do
    read -r pid _ management < <(start processor "$processor_heap"); pids+=("$pid"); started+=("$pid $management")
    ready "$pid" "$management"
  done
  from=$(date +%s%3N)
  mapfile -t batches < <(queue "$images")
  while (( $(unfinished "${batches[@]}") > 0 )); do sleep 1; done
  took=$(( $(date +%s%3N) - from ))
  python3 -c "import sys; n, ms, p = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]; \
print(f'processors={p} images={n} seconds={ms / 1000:.1f} images_per_second={n * 1000 / ms:.2f} load=' + open('/proc/loadavg').read().split()[0])" \
    "$images" "$took" "$processors"
  for entry in "${started[@]}"; do kill "${entry%% *}"; wait "${entry%% *}" 2>/dev/null || true; done
done
echo "logs: $work"
