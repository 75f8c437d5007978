#!/usr/bin/env bash
# Measures each route group's memory under a representative load, the way its pod runs it: the packaged jar
# with the Dockerfile's JVM flags and its Deployment's JAVA_TOOL_OPTIONS, told its container's memory limit
# (-XX:MaxRAM), so the heap is the pod's.
# The groups run one after the other on one data directory, each finding in the local queue's journal what
# the one before left there:
#   api (BATCHES uploads of the corpus's photos) → manager (one task per image) → processor (every image)
#   → manager (every outcome) → notifier (one email per batch).
# Prints, against the limit under test, each group's peak resident memory (VmHWM), its largest heap after a
# collection, and what it holds outside the heap (Native Memory Tracking: metaspace, code, threads, ...),
# which must fit in the quarter of the limit the heap leaves (-XX:MaxRAMPercentage=75).
#   mvn -DskipTests package && k8s/measure-memory.sh
# The limits under test are those of k8s/ unless API_MB, MANAGER_MB, PROCESSOR_MB or NOTIFIER_MB say otherwise;
# BATCHES (10) sets the load; -XX:+ExitOnOutOfMemoryError makes a heap too small show as a group that died.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/imageflow.jar
corpus="${IMAGEFLOW_CORPUS:-../shared/corpus}"
batches="${BATCHES:-10}"
# a Deployment's memory limit in MiB (k8s/<group>.yaml)
limit_in_k8s() {
  local limit
  limit=$(awk '/limits:/ { limits = 1 } limits && /memory:/ { print $2; exit }' "k8s/$1.yaml")
  case "$limit" in *Gi) echo $(( ${limit%Gi} * 1024 )) ;; *Mi) echo "${limit%Mi}" ;; *) echo "?$limit" >&2; exit 1 ;; esac
}
declare -A limit_mb=([api]="${API_MB:-$(limit_in_k8s api)}" [manager]="${MANAGER_MB:-$(limit_in_k8s manager)}"
  [processor]="${PROCESSOR_MB:-$(limit_in_k8s processor)}" [notifier]="${NOTIFIER_MB:-$(limit_in_k8s notifier)}")
[[ -f "$jar" ]] || { echo "no $jar: mvn -DskipTests package first" >&2; exit 1; }
# the JVM flags of the image (ENTRYPOINT), so this measures what the pods run
read -r -a jvm_flags <<< "$(sed -n '/^ENTRYPOINT/,/]/p' Dockerfile | tr -d '\\\n' | tr ',' '\n' | tr -d ' "[]' \
  | grep '^-XX' | tr '\n' ' ')"

# a Deployment's JAVA_TOOL_OPTIONS (k8s/<group>.yaml), empty where it sets none
java_options_in_k8s() {
  awk '/name: JAVA_TOOL_OPTIONS/ { getline; sub(/^ *value: */, ""); print }' "k8s/$1.yaml"
}

work="$(mktemp -d)"
pid=""
current=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=$(free_port) management_port=$(free_port) smtp_port=$(free_port) imap_port=$(free_port)
admin="measure:$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
metrics="http://127.0.0.1:$management_port/actuator/prometheus"

died() {
  echo "$current died under its limit of ${limit_mb[$current]} MiB; the end of its log:"
  tail -n 40 "$work/$current.log"
  exit 1
}

start() {
  local group="$1" limit="${limit_mb[$1]}"
  current="$group"
  JAVA_TOOL_OPTIONS="$(java_options_in_k8s "$group")" java "${jvm_flags[@]}" -XX:MaxRAM="${limit}m" "-Xlog:gc:file=$work/gc-$group.log" \
    -XX:NativeMemoryTracking=summary -jar "$jar" \
    --spring.profiles.active="$group" --imageflow.data-dir="$work/data" --server.port="$http_port" \
    --management.server.port="$management_port" --spring.mail.port="$smtp_port" \
    --imageflow.mail.imap-port="$imap_port" --imageflow.admin.username="${admin%%:*}" \
    --imageflow.admin.password="${admin#*:}" >> "$work/$group.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$management_port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || died
    sleep 1
  done
}

# messages waiting on a queue, from Artemis's own meter ("none" when the broker has no such queue, nothing when
# the scrape failed)
waiting() {
  curl -sf -u "$admin" "$metrics" | awk -v q="queue=\"$1\"" '
    index($0, "artemis_message_count{") == 1 && index($0, q) { count = int($NF); found = 1 }
    END { if (NR) print found ? count : "none" }'
}

drain() {
  local queue="$1" count
  while count="$(waiting "$queue")"; [[ "$count" != 0 ]]; do
    [[ "$count" != none ]] || { echo "$current has no queue $queue: the channel names in application.yaml changed?" >&2; exit 1; }
    kill -0 "$pid" 2>/dev/null || died
    sleep 2
  done
}

declare -A peak_rss peak_heap peak_native
stop() {
  local group="$1"
  local rss heap native
  rss=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")
  # committed outside the Java heap, in MiB
  native=$(jcmd "$pid" VM.native_memory summary scale=MB | awk '
    /^Total:/ { match($0, /committed=[0-9]+/); total = substr($0, RSTART + 10, RLENGTH - 10) }
    /Java Heap \(/ { match($0, /committed=[0-9]+/); heap = substr($0, RSTART + 10, RLENGTH - 10) }
    END { print total - heap }')
  kill "$pid"; wait "$pid" || true; pid=""
  heap=$(grep -o -- '->[0-9]*M' "$work/gc-$group.log" | tr -dc '0-9\n' | sort -n | tail -1)
  (( rss > ${peak_rss[$group]:-0} )) && peak_rss[$group]=$rss
  (( ${heap:-0} > ${peak_heap[$group]:-0} )) && peak_heap[$group]=${heap:-0}
  (( ${native:-0} > ${peak_native[$group]:-0} )) && peak_native[$group]=${native:-0}
  return 0
}

upload() {
  local i="$1" operations
  if (( i % 2 )); then  # full resolution: rotate by an odd angle, blur, PNG out
    operations='[{"type":"rotate","degrees":17},{"type":"blur","radius":2},{"type":"format","format":"png"}]'
  else                  # the usual: a web-sized copy (the README's benchmark chain)
    operations='[{"type":"resize","width":1600},{"type":"sharpen"},{"type":"quality","quality":85}]'
  fi
  local files=()
  for photo in "$corpus"/*.jpg; do files+=(-F "files=@$photo"); done
  curl -sf -o /dev/null -F "metadata={\"email\":\"load$i@example.com\",\"operations\":$operations}" \
    "${files[@]}" "http://127.0.0.1:$http_port/api/v1/batches"
}
export -f upload
export corpus http_port

echo "load: $batches batches of $(ls "$corpus"/*.jpg | wc -l) photos; JVM flags: ${jvm_flags[*]}; $(uptime)"
start api
seq 1 "$batches" | xargs -P 4 -I{} bash -c 'upload {}'
stop api
start manager; drain batch-accepted; stop manager
start processor; started=$(date +%s); drain image-processing-queue; took=$(( $(date +%s) - started )); stop processor
start manager; drain image-results; stop manager
start notifier; drain email-notification-pub-sub; stop notifier
echo "processor: $(( batches * $(ls "$corpus"/*.jpg | wc -l) )) images in ${took}s"
printf '%-10s %9s %8s %12s %15s %17s %15s\n' group limit_MiB heap_max peak_RSS_MiB heap_after_GC non_heap_MiB non_heap_room
for group in api manager processor notifier; do
  printf '%-10s %9s %8s %12s %15s %17s %15s\n' "$group" "${limit_mb[$group]}" "$(( limit_mb[$group] * 3 / 4 ))" \
    "${peak_rss[$group]}" "${peak_heap[$group]}" "${peak_native[$group]}" "$(( limit_mb[$group] / 4 ))"
done
