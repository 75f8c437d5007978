package io.imageflow.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** application.yaml as the manifests see it: its keys (every document), its profiles, its values. */
final class ApplicationSettings {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> profiles = new LinkedHashSet<>();
    private final Set<String> keys = new LinkedHashSet<>();

    ApplicationSettings(Path file) {
        for (Map<String, Object> document : Manifests.parse(Manifests.read(file))) {
            Object profile = Manifests.at(document, "spring", "config", "activate", "on-profile");
            if (profile != null) {
                profiles.add(profile.toString());
            } else {
                flatten("", document);
            }
            flattenKeysOnly("", document);
        }
    }

    Set<String> profiles() {
        return profiles;
    }

    /** A key's value in the default document (the one no profile activates). */
    String value(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /** Whether any document has the key (or keys below it). */
    boolean has(String key) {
        return keys.contains(key);
    }

    /** Whether Spring Boot binds this environment variable to one of the given keys or to a key of the file. */
    boolean bindsEnvironmentVariable(String variable, List<String> otherKeys) {
        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")))
                .iterator().next();
        Set<String> candidates = new LinkedHashSet<>(keys);
        candidates.addAll(otherKeys);
        return candidates.stream()
                .filter(ConfigurationPropertyName::isValid)
                .anyMatch(key -> source.getConfigurationProperty(ConfigurationPropertyName.of(key)) != null);
    }

    private void flatten(String prefix, Map<?, ?> node) {
        node.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> map) {
                flatten(name + ".", map);
            } else {
                values.put(name, value);
            }
        });
    }

    private void flattenKeysOnly(String prefix, Map<?, ?> node) {
        node.forEach((key, value) -> {
            String name = prefix + key;
            keys.add(name);
            if (value instanceof Map<?, ?> map) {
                flattenKeysOnly(name + ".", map);
            }
        });
    }
}
