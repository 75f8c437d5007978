package io.imageflow.deploy;

import static io.imageflow.deploy.Manifests.at;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The paths Kubernetes probes every pod on (k8s/pod-defaults.yaml), for the tests that run the jar. */
public final class PodProbes {

    private PodProbes() {
    }

    public static Set<String> paths() {
        Map<String, Object> podDefaults = Manifests.named(Manifests.documents(Manifests.K8S), "Deployment",
                "every-deployment");
        Map<String, Object> container = at(podDefaults, "spec", "template", "spec", "containers", 0);
        Set<String> paths = new LinkedHashSet<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            paths.add(at(container, probe, "httpGet", "path"));
        }
        return paths;
    }
}
