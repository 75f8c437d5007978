package io.imageflow.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one administrator of the management endpoints (Hawtio, Jolokia, metrics). Without a password there is
 * no administrator and those endpoints are not served at all: there is never a default password.
 *
 * @param password plain, or already encoded with its scheme ({@code {bcrypt}$2a$...})
 */
@ConfigurationProperties(prefix = "imageflow.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {

    public static final String PASSWORD = "imageflow.admin.password";

    public boolean enabled() {
        return hasText(password);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
