#!/usr/bin/env bash
# How long the processor takes from `java` to consuming its first message, as KEDA waits for it when it
# scales the processor up from zero: one image task waits on the Pub/Sub emulator's image-processing-queue;
# the processor group starts (gcp mode's queue, blobs in a directory), and the time is taken from just before
# `java` runs to the moment its consumer receives that message (its debug log line), and to the image's DONE
# outcome (Pub/Sub's publish time). Prints one line per run:
#   cold_start_ms=<to the first message> first_image_done_ms=<to its result>
#   mvn -DskipTests package && k8s/measure-cold-start.sh                        # java -jar target/imageflow.jar
#   k8s/measure-cold-start.sh -- java -XX:SharedArchiveFile=app/imageflow.jsa -jar app/imageflow.jar   # any command
#   k8s/measure-cold-start.sh --image                                           # as the container image starts
# --image lays the image out in $WORK/app as the Dockerfile does: the jar extracted, its training start run (the
# RUN line with -XX:ArchiveClassesAtExit: the class archive and the unpacked native libraries), then starts its
# ENTRYPOINT, with /app made $WORK/app, told the processor pod's memory limit (MAX_RAM, 1536m as k8s/processor.yaml)
# and given its JAVA_TOOL_OPTIONS (k8s/processor.yaml).
# Each line also says where the start's CPU went, up to the first message: cpu_ms for the whole JVM, main_cpu_ms
# for its main thread (Spring's start, on which everything waits) and main_runnable_ms for the time that thread
# was ready to run but had no core (the other threads', and on a shared host other tenants').
# RUNS (1) repeats it; PUBSUB_EMULATOR_HOST names a running emulator, otherwise one is started (Debian package
# google-cloud-cli-pubsub-emulator) and stopped at the end. The JVM's output is in $WORK/processor-N.log.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-1}"
photo="processors/src/test/resources/photos/picosdeeuropa_by_Aitzol_Berasategi.jpg"
work="${WORK:-$(mktemp -d)}"

# the Dockerfile's commands (continued lines joined) with the image's paths made ours
in_image() {
  sed -e "s#/tmp/training#$work/training#g" -e "s#=/app/#=$work/app/#g" -e "s#=/tmp\( \|$\)#=$work\1#g" \
      -e "s# imageflow.jar# $work/app/imageflow.jar#" -e "s#=imageflow.jsa#=$work/app/imageflow.jsa#"
}
image_command() {
  local dockerfile training entrypoint
  rm -rf "$work/app" "$work/training" && mkdir -p "$work/training"
  java -Djarmode=tools -jar target/imageflow.jar extract --destination "$work/app" > /dev/null
  dockerfile=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' Dockerfile)
  training=$(grep -o 'java [^&]*-XX:ArchiveClassesAtExit[^&]*' <<< "$dockerfile" | in_image)
  (cd "$work/app" && $training > "$work/training.log" 2>&1) || { echo "the training start failed: $work/training.log" >&2; exit 1; }
  entrypoint=$(grep '^ENTRYPOINT' <<< "$dockerfile" | sed 's/^ENTRYPOINT //' \
    | python3 -c 'import json, sys; print(" ".join(json.load(sys.stdin)))' | in_image)
  read -r -a command <<< "$entrypoint"
  pod_options=$(awk '/name: JAVA_TOOL_OPTIONS/ { getline; sub(/^ *value: */, ""); print }' k8s/processor.yaml)
  # env execs java, so the JVM keeps the PID this script watches
  command=(env "JAVA_TOOL_OPTIONS=$pod_options" "${command[0]}" "-XX:MaxRAM=${MAX_RAM:-1536m}" "${command[@]:1}")
  echo "${command[*]}" > "$work/command"
}
# "<CPU ms of the JVM> <CPU ms of its main thread> <ms its main thread waited for a core>", from /proc: the
# main thread is the busiest one named java (the process's first thread, also named java, only waits for it)
cpu_so_far() {
  local task on_cpu waited main_cpu=0 main_waited=0 ticks
  for task in /proc/"$1"/task/*; do
    [[ "$(cat "$task/comm")" == java ]] || continue
    read -r on_cpu waited _ < "$task/schedstat"
    (( on_cpu > main_cpu )) && main_cpu=$on_cpu main_waited=$waited
  done
  # utime and stime, counted after the command's name in parentheses (which may hold spaces)
  ticks=$(sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }')
  echo "$(( ticks * 1000 / $(getconf CLK_TCK) )) $(( main_cpu / 1000000 )) $(( main_waited / 1000000 ))"
}

command=(java -jar target/imageflow.jar)
if [[ "${1:-}" == "--" ]]; then shift; command=("$@"); fi
if [[ "${1:-}" == "--image" ]]; then image_command; fi
emulator_pid="" pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

if [[ -z "${PUBSUB_EMULATOR_HOST:-}" ]]; then
  jar=$(dpkg -L google-cloud-cli-pubsub-emulator 2>/dev/null | grep -E 'cloud-pubsub-emulator-.*-all\.jar$' | head -n 1 || true)
  [[ -n "$jar" ]] || { echo "no Pub/Sub emulator: set PUBSUB_EMULATOR_HOST or install google-cloud-cli-pubsub-emulator" >&2; exit 1; }
  PUBSUB_EMULATOR_HOST="127.0.0.1:$(free_port)"
  java -Xmx384m -XX:+UseSerialGC -jar "$jar" --host=127.0.0.1 --port="${PUBSUB_EMULATOR_HOST#*:}" > "$work/emulator.log" 2>&1 &
  emulator_pid=$!
  until curl -s -o /dev/null "http://$PUBSUB_EMULATOR_HOST/"; do sleep 0.2; done
fi
pubsub="http://$PUBSUB_EMULATOR_HOST/v1/projects"

# each message waiting on the probe subscription as "<status> <publish time in epoch milliseconds>"; the
# times are Pub/Sub's, so how often this looks does not change them (it looks lightly, not to slow the start)
outcomes() {
  local answer
  answer=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"maxMessages": 10, "returnImmediately": true}' \
    "$pubsub/$project/subscriptions/probe:pull")
  [[ "$answer" == *receivedMessages* ]] || return 0
  python3 -c '
import base64, datetime, json, sys
for received in json.load(sys.stdin)["receivedMessages"]:
    message = received["message"]
    when = datetime.datetime.fromisoformat(message["publishTime"].replace("Z", "+00:00"))
    print(json.loads(base64.b64decode(message["data"]))["status"], int(when.timestamp() * 1000))' <<< "$answer"
}

for run in $(seq 1 "$runs"); do
  project="cold-start-$run-$RANDOM"
  for topic in image-processing-queue image-results dead-letter; do
    curl -sf -X PUT "$pubsub/$project/topics/$topic" > /dev/null
  done
  curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"topic\": \"projects/$project/topics/image-processing-queue\", \"ackDeadlineSeconds\": 60}" \
    "$pubsub/$project/subscriptions/image-processing-queue-sub" > /dev/null
  curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"topic\": \"projects/$project/topics/image-results\"}" \
    "$pubsub/$project/subscriptions/probe" > /dev/null
  batch=$(python3 -c 'import uuid; print(uuid.uuid4())')
  mkdir -p "$work/data-$run/blobs/$batch/input"
  cp "$photo" "$work/data-$run/blobs/$batch/input/photo.jpg"
  task=$(printf '{"batchId":"%s","imageId":"1","name":"photo.jpg","operations":[{"type":"resize","width":1024}]}' "$batch" | base64 -w0)
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"messages\": [{\"data\": \"$task\"}]}" \
    "$pubsub/$project/topics/image-processing-queue:publish" > /dev/null

  started=$(now_ms)
  "${command[@]}" --spring.profiles.active=gcp,processor --imageflow.storage=local --imageflow.data-dir="$work/data-$run" \
    --imageflow.gcp.project-id="$project" --camel.component.google-pubsub.endpoint="$PUBSUB_EMULATOR_HOST" \
    --camel.component.google-pubsub.authenticate=false --server.port=0 --management.server.port=0 \
    --logging.level.io.imageflow.backends.gcp.PullingPubsubConsumer=DEBUG \
    > "$work/processor-$run.log" 2>&1 &
  pid=$!
  done_at="" cpu=""
  while [[ -z "$done_at" ]]; do
    [[ -z "$cpu" ]] && grep -q 'Received message' "$work/processor-$run.log" && cpu=$(cpu_so_far "$pid")
    kill -0 "$pid" 2>/dev/null || { echo "the processor exited; its log: $work/processor-$run.log" >&2; tail -n 30 "$work/processor-$run.log" >&2; exit 1; }
    (( $(now_ms) - started < 180000 )) || { echo "no outcome after 180 s; log: $work/processor-$run.log" >&2; exit 1; }
    while read -r status at; do
      [[ "$status" == DONE ]] && done_at="$at"
    done < <(outcomes)
    sleep 0.2
  done
  # stopped as Kubernetes stops a pod, so a JVM told -XX:ArchiveClassesAtExit writes its class archive
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  # the log's local time of the line that says the message arrived, as epoch milliseconds
  received=$(grep -m1 'Received message' "$work/processor-$run.log" | cut -d' ' -f1)
  first=$(date -d "$received" +%s%3N)
  read -r cpu_ms main_cpu_ms main_runnable_ms <<< "${cpu:-? ? ?}"
  echo "cold_start_ms=$(( first - started )) first_image_done_ms=$(( done_at - started ))" \
    "cpu_ms=$cpu_ms main_cpu_ms=$main_cpu_ms main_runnable_ms=$main_runnable_ms"
done
