package io.imageflow.deploy;

import static io.imageflow.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.admin.ManagementClient;
import io.imageflow.support.ApiClient;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No container engine can pull a base image here, so this does what the Dockerfile does with the packaged jar:
 * extracts its layers with the Dockerfile's command, lays them out as its COPY lines do, runs its training start
 * (the class archive and the unpacked native libraries), and starts the api with the image's ENTRYPOINT, told the
 * api pod's memory limit and made to fail if the class archive does not fit (-Xshare:on). It must start, answer
 * its probes and take an upload.
 */
class ContainerImageIT {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path temp;

    @Test
    void theImagesLayoutAndEntrypointRunTheApiWithinItsPodsMemory() throws Exception {
        Path app = layOutLikeTheImage();
        trainLikeTheImage(app);
        assertThat(app.resolve("imageflow.jsa")).as("the class archive").isNotEmptyFile();
        try (Stream<Path> unpacked = Files.walk(app.resolve("javacpp"))) {
            assertThat(unpacked.map(Path::toString)).as("the unpacked native libraries")
                    .anyMatch(name -> name.contains("libopencv_imgcodecs"));
        }
        List<String> command = inTheImage(entrypoint(), app);
        command.set(0, RunningJar.java());
        command.add(1, "-XX:MaxRAM=" + memoryLimitMiB("api") + "m");
        command.add(1, "-Xshare:on");

        try (RunningJar api = RunningJar.startWithCommand(temp.resolve("data"), command, "--spring.profiles.active=api")) {
            ManagementClient management = new ManagementClient(api.managementUrl());
            for (String probe : PodProbes.paths()) {
                assertThat(management.anonymous(probe).statusCode()).as(probe).isEqualTo(200);
            }
            ApiClient.Answer accepted = api.api().upload("/api/v1/batches",
                    "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                    List.of(Part.of(TestPhotos.path(TestPhotos.LANDSCAPE_BASELINE))));
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        }
    }

    /** The Dockerfile's extraction (its RUN line) and layout (its COPY --from=layers lines, in order). */
    private Path layOutLikeTheImage() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher run = Pattern.compile("(?m)^RUN (java -Djarmode=tools -jar imageflow.jar extract .*)$").matcher(dockerfile);
        assertThat(run.find()).as("the Dockerfile's extraction").isTrue();
        Path build = Files.createDirectories(temp.resolve("build"));
        Files.copy(RunningJar.jar(), build.resolve("imageflow.jar"));
        List<String> extract = new ArrayList<>(List.of(run.group(1).split(" ")));
        extract.set(0, RunningJar.java());
        Manifests.run(build, Map.of(), extract.toArray(String[]::new));

        Path app = Files.createDirectories(temp.resolve("app"));
        Matcher copy = Pattern.compile("(?m)^COPY --from=layers /build/(\\S+)/ \\./$").matcher(dockerfile);
        int layers = 0;
        while (copy.find()) {
            copyTree(build.resolve(copy.group(1)), app);
            layers++;
        }
        assertThat(layers).as("layers copied").isEqualTo(4);
        return app;
    }

    /** The Dockerfile's training start (its RUN line that writes the class archive), in the laid-out image. */
    private void trainLikeTheImage(Path app) throws IOException {
        String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
        Matcher run = Pattern.compile("(?m)^RUN .*?&& (java [^&]*-XX:ArchiveClassesAtExit[^&]*?) +&&").matcher(dockerfile);
        assertThat(run.find()).as("the Dockerfile's training start").isTrue();
        Files.createDirectories(temp.resolve("training"));
        List<String> training = inTheImage(List.of(run.group(1).trim().split(" +")), app);
        training.set(0, RunningJar.java());
        Manifests.run(app, Map.of(), training.toArray(String[]::new));
    }

    /** A command of the Dockerfile with the image's paths (/app, its working directory, and /tmp) made ours. */
    private List<String> inTheImage(List<String> command, Path app) {
        List<String> ours = new ArrayList<>();
        for (String argument : command) {
            String local = argument.replace("=/app/", "=" + app + "/");
            if (local.contains("/tmp/training")) {
                local = local.replace("/tmp/training", temp.resolve("training").toString());
            } else if (local.endsWith("=/tmp")) {
                local = local.substring(0, local.length() - "/tmp".length()) + temp;
            }
            // the archive records the jar's path: the training start and every start name it alike
            for (String file : List.of("imageflow.jar", "imageflow.jsa")) {
                if (local.equals(file) || local.endsWith("=" + file)) {
                    local = local.substring(0, local.length() - file.length()) + app.resolve(file);
                }
            }
            ours.add(local);
        }
        return ours;
    }

    private static List<String> entrypoint() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(dockerfile);
        assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
        return new ObjectMapper().readValue(entrypoint.group(1), new TypeReference<List<String>>() { });
    }

    private static long memoryLimitMiB(String deployment) {
        Map<String, Object> container = at(Manifests.named(Manifests.documents(Manifests.K8S), "Deployment", deployment),
                "spec", "template", "spec", "containers", 0);
        String limit = at(container, "resources", "limits", "memory");
        assertThat(limit).endsWith("Mi");
        return Long.parseLong(limit.replace("Mi", ""));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
