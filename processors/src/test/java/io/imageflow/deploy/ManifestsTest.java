package io.imageflow.deploy;

import static io.imageflow.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;

/** k8s/ and keda/ agree with the application: profiles, ports, probe paths, settings, shutdown, channels. */
class ManifestsTest {

    static final List<String> GROUPS = List.of("api", "manager", "processor", "notifier");
    /** Spring Boot's own keys the manifests set, which application.yaml leaves at their defaults. */
    static final List<String> BOOT_KEYS = List.of("spring.profiles.active", "logging.structured.format.console",
            "spring.mail.username", "spring.mail.password");
    /** Read by the JVM itself, not by the application. */
    static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** Named by the gcp issue (6) and written by its branch; checked once application.yaml has them. */
    static final Map<String, String> GCP_KEYS = Map.of(
            "IMAGEFLOW_GCP_PROJECT_ID", "imageflow.gcp.project-id",
            "IMAGEFLOW_GCS_BUCKET", "imageflow.gcs.bucket");
    /** Which channel's subscription each scaled Deployment consumes. */
    static final Map<String, String> SCALED_CHANNELS = Map.of(
            "processor", "imageflow.channels.image-tasks.subscription",
            "notifier", "imageflow.channels.email-notification.subscription");
    private static final Pattern SUBSCRIPTION = Pattern.compile("\"subscription_id\"=\"([^\"]+)\"");

    private final ApplicationSettings settings = new ApplicationSettings(Path.of("application.yaml"));
    private final List<Map<String, Object>> k8s = Manifests.documents(Manifests.K8S);
    private final List<Map<String, Object>> keda = Manifests.documents(Manifests.KEDA);
    private final Map<String, Object> podDefaults = Manifests.named(k8s, "Deployment", "every-deployment");

    private Map<String, Object> container(String deployment) {
        return at(Manifests.named(k8s, "Deployment", deployment), "spec", "template", "spec", "containers", 0);
    }

    private Map<String, Object> defaultContainer() {
        return at(podDefaults, "spec", "template", "spec", "containers", 0);
    }

    @Test
    void eachRouteGroupIsADeploymentRunningItsOwnProfile() {
        for (String group : GROUPS) {
            String profiles = Manifests.env(container(group)).get("SPRING_PROFILES_ACTIVE");
            assertThat(profiles).as(group).isEqualTo("gcp," + group);
            assertThat(settings.profiles()).as("profiles of application.yaml").contains(group);
            assertThat((String) at(container(group), "name")).isEqualTo(at(defaultContainer(), "name"));
        }
    }

    @Test
    void portsAndProbePathsAreTheApplications() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Map<String, Object>> declared = at(defaultContainer(), "ports");
        declared.forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));
        assertThat(ports).containsEntry("http", Integer.valueOf(settings.value("server.port")))
                .containsEntry("management", Integer.valueOf(settings.value("management.server.port")));

        assertThat(settings.value("management.endpoints.web.base-path")).as("actuator base path").isNull();
        assertThat(settings.value("management.endpoint.health.probes.enabled")).isEqualTo("true");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String group = probe.equals("readinessProbe") ? "readiness" : "liveness";
            assertThat((String) at(defaultContainer(), probe, "httpGet", "path")).as(probe)
                    .isEqualTo("/actuator/health/" + group);
            assertThat((String) at(defaultContainer(), probe, "httpGet", "port")).as(probe).isEqualTo("management");
            assertThat(settings.value("management.endpoint.health.group." + group + ".include")).isNotNull();
        }
    }

    @Test
    void theReadinessProbeWaitsLongerThanTheReadinessChecksMayTake() {
        // queue, store and storage are checked one after the other, each bounded by imageflow.gcp.health-timeout
        java.time.Duration check = org.springframework.boot.convert.DurationStyle.detectAndParse(
                settings.value("imageflow.gcp.health-timeout"));
        Integer timeout = at(defaultContainer(), "readinessProbe", "timeoutSeconds");
        assertThat(java.time.Duration.ofSeconds(timeout)).isGreaterThan(check.multipliedBy(3));
        assertThat(settings.value("management.endpoint.health.validate-group-membership")).isEqualTo("true");
    }

    @Test
    void everyEnvironmentVariableIsASettingOfTheApplication() {
        Map<String, String> variables = new LinkedHashMap<>(Manifests.envFile(Manifests.K8S.resolve("settings.env")));
        variables.putAll(Manifests.env(defaultContainer()));
        GROUPS.forEach(group -> variables.putAll(Manifests.env(container(group))));

        List<String> unknown = new ArrayList<>();
        variables.keySet().stream()
                .filter(variable -> !GCP_KEYS.containsKey(variable) && !variable.equals(JVM_OPTIONS))
                .filter(variable -> !settings.bindsEnvironmentVariable(variable, BOOT_KEYS))
                .forEach(unknown::add);
        assertThat(unknown).as("environment variables no setting of application.yaml binds").isEmpty();
        assertThat(variables).containsKeys("IMAGEFLOW_ADMIN_PASSWORD", "IMAGEFLOW_ADMIN_USERNAME");
    }

    @Test
    void everyPodsJvmOptionsStartAJvm() throws Exception {
        for (String group : GROUPS) {
            String options = Manifests.env(container(group)).get(JVM_OPTIONS);
            if (options == null) {
                continue;
            }
            // a JVM that does not know an option refuses to start: the pod would never come up
            ProcessBuilder version = new ProcessBuilder(RunningJar.java(), "-version").redirectErrorStream(true);
            version.environment().put(JVM_OPTIONS, options);
            Process java = version.start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor()).as(group + ": " + output).isZero();
            assertThat(output).as(group).contains("Picked up " + JVM_OPTIONS + ": " + options);
        }
    }

    @Test
    void theGcpNamesTheManifestsRelyOnExist() {
        boolean gcpMerged = settings.profiles().contains("gcp");
        if (!gcpMerged) {
            System.err.println("SKIPPED: application.yaml has no gcp profile yet (the gcp branch brings it): "
                    + "not yet checked: profile gcp, " + GCP_KEYS.values() + ", " + SCALED_CHANNELS.values());
        }
        assumeTrue(gcpMerged, "application.yaml has no gcp profile yet (the gcp branch brings it)");

        GCP_KEYS.forEach((variable, key) -> {
            assertThat(settings.has(key)).as(key).isTrue();
            assertThat(settings.bindsEnvironmentVariable(variable, List.of())).as(variable).isTrue();
        });
        SCALED_CHANNELS.forEach((deployment, key) ->
                assertThat(subscriptionScaling(deployment)).as(key).isEqualTo(settings.value(key)));
    }

    @Test
    void everyScaledObjectScalesADeploymentOnTheSubscriptionItConsumes() {
        List<Map<String, Object>> scaled = Manifests.ofKind(keda, "ScaledObject");
        assertThat(scaled).hasSize(SCALED_CHANNELS.size());
        for (Map<String, Object> scaledObject : scaled) {
            String target = at(scaledObject, "spec", "scaleTargetRef", "name");
            assertThat(GROUPS).as("ScaledObject target").contains(target);
            assertThat(SCALED_CHANNELS).containsKey(target);
            assertThat((Integer) at(scaledObject, "spec", "minReplicaCount")).isZero();
            assertThat((Integer) at(scaledObject, "spec", "maxReplicaCount")).isPositive();
            assertThat((Integer) at(scaledObject, "spec", "cooldownPeriod")).isPositive();
            assertThat((String) at(scaledObject, "spec", "triggers", 0, "metadata", "activationThreshold")).isNotNull();
            assertThat((String) at(scaledObject, "spec", "triggers", 0, "authenticationRef", "name"))
                    .isEqualTo(at(Manifests.ofKind(keda, "TriggerAuthentication").get(0), "metadata", "name"));
            // KEDA sets the replica count: a count in the Deployment would fight it on every apply
            assertThat((Object) at(Manifests.named(k8s, "Deployment", target), "spec", "replicas")).isNull();
        }
        assertThat((String) at(Manifests.ofKind(keda, "TriggerAuthentication").get(0), "spec", "podIdentity",
                "provider")).isEqualTo("gcp");
        // DESIGN.md's names, which the gcp branch's application.yaml is checked against above
        assertThat(subscriptionScaling("processor")).isEqualTo("image-processing-queue-sub");
    }

    @Test
    void podsGetLongerToStopThanCamelTakesToFinishItsWork() {
        int camelTimeout = Integer.parseInt(settings.value("camel.main.shutdown-timeout"));
        int springPhase = 30; // spring.lifecycle.timeout-per-shutdown-phase: the web server's graceful drain
        assertThat(settings.value("spring.lifecycle.timeout-per-shutdown-phase")).isNull();
        for (String group : GROUPS) {
            Map<String, Object> pod = at(Manifests.named(k8s, "Deployment", group), "spec", "template", "spec");
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            List<String> preStop = at(container(group), "lifecycle", "preStop", "exec", "command");
            int preStopSeconds = preStop == null ? 0 : Integer.parseInt(preStop.get(1));
            assertThat(grace).as(group).isGreaterThan(camelTimeout + preStopSeconds
                    + (group.equals("api") ? springPhase : 0));
        }
    }

    @Test
    void everyPodHasMemoryItWasMeasuredFor() {
        for (String group : GROUPS) {
            Map<String, Object> resources = at(container(group), "resources");
            assertThat((Object) at(resources, "limits", "memory")).as(group)
                    .isEqualTo(at(resources, "requests", "memory"));
            assertThat((Object) at(resources, "requests", "cpu")).as(group).isNotNull();
        }
    }

    private String subscriptionScaling(String deployment) {
        Map<String, Object> scaledObject = Manifests.ofKind(keda, "ScaledObject").stream()
                .filter(object -> deployment.equals(at(object, "spec", "scaleTargetRef", "name")))
                .findFirst().orElseThrow();
        Matcher matcher = SUBSCRIPTION.matcher(at(scaledObject, "spec", "triggers", 0, "metadata", "query"));
        assertThat(matcher.find()).as("subscription in the query").isTrue();
        return matcher.group(1);
    }
}
