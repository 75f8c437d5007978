package io.imageflow.admin;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for the management endpoints only: health is open (the probes), everything else there (Hawtio,
 * Jolokia, metrics) needs the admin, by form login in a browser or HTTP basic for scrapers. No other request
 * meets this chain, so the public API and its uploads are untouched (see {@link ManagementOnlyFirewall}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class AdminSecurityConfiguration {

    static final String ADMIN = "ADMIN";
    private static final Pattern HASHED = Pattern.compile("\\{(bcrypt|argon2|pbkdf2|scrypt)(@[^}]*)?}");

    @Bean
    ManagementRequests managementRequests() {
        return new ManagementRequests();
    }

    @Bean
    SecurityFilterChain managementSecurity(HttpSecurity http, ManagementRequests management, AdminProperties admin)
            throws Exception {
        http.securityMatcher(management);
        if (!admin.enabled()) {
            // only health is exposed (AdminEndpointsSwitch): the rest answers 404, and there is nobody to log in
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .formLogin(form -> form.permitAll())
                .httpBasic(withDefaults())
                // Hawtio's console posts to Jolokia without a CSRF token; these endpoints need the admin anyway
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    WebSecurityCustomizer managementOnlyFirewall(ManagementRequests management) {
        return web -> web.httpFirewall(new ManagementOnlyFirewall(management));
    }

    /** The admin, or nobody at all when no password is set (Spring Boot would otherwise invent one). */
    @Bean
    UserDetailsService adminUsers(AdminProperties admin) {
        if (!admin.enabled()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoded(admin.password()))
                .roles(ADMIN)
                .build());
    }

    /** A plain password is hashed at start-up, so it is never compared as plain text; a hashed one is kept. */
    static String encoded(String password) {
        if (HASHED.matcher(password).lookingAt()) {
            return password;
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return encoder.encode(password);
    }
}
