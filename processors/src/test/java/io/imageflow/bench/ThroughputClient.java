package io.imageflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * End-to-end throughput of a running ImageFlow: uploads {@code --batches} batches of {@code --images}
 * photographs from the corpus with one operation chain, back to back, waits for every batch to finish
 * (polling {@code GET /api/v1/batches/{id}}), and prints images per second, batch latency p50/p95/max and
 * the per-image {@code durationMs} p50/p95 the processor recorded.
 *
 * <p>It starts nothing: start the product first ({@code java -jar target/imageflow.jar}). It talks only to
 * localhost, sends at most 20 batches of at most 50 images, and gives up after {@code --timeout} seconds.
 * Only the JDK is needed, so it runs from source:
 *
 * <pre>
 * java processors/src/test/java/io/imageflow/bench/ThroughputClient.java --url http://localhost:8080 --batches 4 --images 15
 * </pre>
 *
 * Options: {@code --url} (http://localhost:8080), {@code --batches} (4), {@code --images} per batch (15),
 * {@code --ops} a JSON array of operations (resize 1600 + sharpen + quality 85), {@code --warmup} batches
 * sent and awaited first, not counted (1), {@code --corpus} (system property imageflow.corpus, else
 * ../shared/corpus), {@code --timeout} seconds (600).
 */
public final class ThroughputClient {

    static final int MAX_BATCHES = 20;
    static final int MAX_IMAGES = 50;
    static final int MAX_TIMEOUT_SECONDS = 1800;
    static final String DEFAULT_OPS =
            "[{\"type\": \"resize\", \"width\": 1600}, {\"type\": \"sharpen\"}, {\"type\": \"quality\", \"quality\": 85}]";
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "COMPLETED_WITH_ERRORS");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private ThroughputClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One uploaded batch: when the client started sending it, when it saw it finished, the final record. */
    private static final class Sent {
        final String id;
        final long startNanos;
        long finishedNanos;
        Map<String, Object> record;

        Sent(String id, long startNanos) {
            this.id = id;
            this.startNanos = startNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080").replaceAll("/+$", "");
        int batches = bounded(options, "batches", 4, 1, MAX_BATCHES);
        int images = bounded(options, "images", 15, 1, MAX_IMAGES);
        int warmup = bounded(options, "warmup", 1, 0, 3);
        int timeoutSeconds = bounded(options, "timeout", 600, 1, MAX_TIMEOUT_SECONDS);
        String ops = options.getOrDefault("ops", DEFAULT_OPS);
        if (!(Json.parse(ops) instanceof List)) {
            throw new IllegalArgumentException("--ops must be a JSON array of operations, got " + ops);
        }
        Path corpus = Path.of(options.getOrDefault("corpus", System.getProperty("imageflow.corpus", "../shared/corpus")));
        requireLocalhost(url);

        List<Path> photos = photos(corpus);
        ThroughputClient client = new ThroughputClient(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        System.out.printf(Locale.ROOT, "ImageFlow at %s: %d warm-up + %d batches of %d images from %s%n  operations: %s%n",
                url, warmup, batches, images, corpus.toAbsolutePath().normalize(), ops);

        for (int w = 0; w < warmup; w++) {
            Sent sent = client.upload(photos, images, ops);
            client.awaitAll(List.of(sent), deadline);
            System.out.printf(Locale.ROOT, "  warm-up batch done in %.1f s (not counted)%n", seconds(sent.finishedNanos - sent.startNanos));
        }

        long start = System.nanoTime();
        List<Sent> sent = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            sent.add(client.upload(photos, images, ops));
        }
        long uploaded = System.nanoTime();
        client.awaitAll(sent, deadline);
        long end = sent.stream().mapToLong(s -> s.finishedNanos).max().orElseThrow();

        report(sent, images, start, uploaded, end);
    }

    private Sent upload(List<Path> photos, int images, String ops) throws IOException, InterruptedException {
        String boundary = "imageflow-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String metadata = "{\"email\": \"bench@example.com\", \"operations\": " + ops + "}";
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < images; i++) {
            Path photo = photos.get(i % photos.size());
            // the same photograph again gets its own name: r2_…, r3_…
            String name = (i < photos.size() ? "" : "r" + (i / photos.size() + 1) + "_") + photo.getFileName();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + name + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(photo));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/batches"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        long startNanos = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
        }
        Object id = ((Map<?, ?>) Json.parse(response.body())).get("batchId");
        return new Sent((String) id, startNanos);
    }

    private void awaitAll(List<Sent> batches, long deadline) throws IOException, InterruptedException {
        List<Sent> waiting = new ArrayList<>(batches);
        while (!waiting.isEmpty()) {
            for (Sent batch : List.copyOf(waiting)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/batches/" + batch.id))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET batch " + batch.id + ": " + response.statusCode() + " " + response.body());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) Json.parse(response.body());
                // finished for the person who sent it: every image done and the email sent
                if (FINISHED.contains(record.get("status")) && record.get("notifiedAt") != null) {
                    batch.finishedNanos = System.nanoTime();
                    batch.record = record;
                    waiting.remove(batch);
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.println("TIMEOUT: " + waiting.size() + " batches unfinished, e.g. " + waiting.get(0).id);
                System.exit(2);
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    private static void report(List<Sent> sent, int images, long start, long uploaded, long end) {
        List<Double> clientLatency = new ArrayList<>();
        List<Double> serverLatency = new ArrayList<>();
        List<Double> emailLatency = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        int done = 0;
        int failed = 0;
        for (Sent batch : sent) {
            clientLatency.add(seconds(batch.finishedNanos - batch.startNanos));
            Object created = batch.record.get("createdAt");
            Object completed = batch.record.get("completedAt");
            if (created != null && completed != null) {
                serverLatency.add(Duration.between(Instant.parse((String) created), Instant.parse((String) completed)).toMillis() / 1000.0);
            }
            if (created != null && batch.record.get("notifiedAt") instanceof String notified) {
                emailLatency.add(Duration.between(Instant.parse((String) created), Instant.parse(notified)).toMillis() / 1000.0);
            }
            for (Object image : (List<?>) batch.record.get("images")) {
                Map<?, ?> record = (Map<?, ?>) image;
                if ("DONE".equals(record.get("status"))) {
                    done++;
                    if (record.get("durationMs") instanceof Number ms) {
                        durations.add(ms.doubleValue());
                    }
                } else {
                    failed++;
                }
            }
        }
        double wall = seconds(end - start);
        System.out.printf(Locale.ROOT, "%nbatches %d x %d images: %d done, %d failed; uploads took %.1f s, all finished after %.1f s%n",
                sent.size(), images, done, failed, seconds(uploaded - start), wall);
        System.out.printf(Locale.ROOT, "throughput:             %.2f images/s%n", done / wall);
        System.out.printf(Locale.ROOT, "batch latency (client): p50 %.1f s  p95 %.1f s  max %.1f s   (upload start to seen finished and mailed; polled every %d ms)%n",
                percentile(clientLatency, 50), percentile(clientLatency, 95), percentile(clientLatency, 100), POLL_EVERY.toMillis());
        if (!serverLatency.isEmpty()) {
            System.out.printf(Locale.ROOT, "batch latency (server): p50 %.1f s  p95 %.1f s  max %.1f s   (createdAt to completedAt)%n",
                    percentile(serverLatency, 50), percentile(serverLatency, 95), percentile(serverLatency, 100));
        }
        if (!emailLatency.isEmpty()) {
            System.out.printf(Locale.ROOT, "to the email (server):  p50 %.1f s  p95 %.1f s  max %.1f s   (createdAt to notifiedAt)%n",
                    percentile(emailLatency, 50), percentile(emailLatency, 95), percentile(emailLatency, 100));
        }
        if (!durations.isEmpty()) {
            System.out.printf(Locale.ROOT, "per image durationMs:   p50 %.0f ms  p95 %.0f ms  max %.0f ms   (%d records: read, transform, store)%n",
                    percentile(durations, 50), percentile(durations, 95), percentile(durations, 100), durations.size());
        }
        System.out.println("(percentiles: nearest rank)");
    }

    /** Nearest-rank percentile; 100 is the maximum. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static List<Path> photos(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("no photo corpus at " + corpus.toAbsolutePath() + " (--corpus <folder>)");
        }
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> photos = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                    .sorted().toList();
            if (photos.isEmpty()) {
                throw new IllegalArgumentException("no .jpg photographs in " + corpus.toAbsolutePath());
            }
            return photos;
        }
    }

    private static void requireLocalhost(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || !Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host)) {
            throw new IllegalArgumentException("only an ImageFlow on this machine is measured (http://localhost:<port>), not " + url);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        Set<String> known = Set.of("url", "batches", "images", "ops", "warmup", "corpus", "timeout");
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
        }
        return options;
    }

    private static int bounded(Map<String, String> options, String name, int fallback, int min, int max) {
        int value = options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** Just enough JSON reading for the API's answers: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{': {
                    at++;
                    Map<String, Object> object = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        return object;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        object.put(key, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    return object;
                }
                case '[': {
                    at++;
                    List<Object> array = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        return array;
                    }
                    do {
                        array.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return array;
                }
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", at)) {
                        at += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", at)) {
                        at += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", at)) {
                        at += 4;
                        return null;
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    if (start == at) {
                        throw error("unexpected character '" + c + "'");
                    }
                    return Double.parseDouble(text.substring(start, at));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at " + at + ": " + what);
        }
    }
}
