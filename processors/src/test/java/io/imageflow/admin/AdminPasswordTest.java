package io.imageflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class AdminPasswordTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void aPlainPasswordIsHashedAndStillMatches() {
        String stored = AdminSecurityConfiguration.encoded("{not a scheme} but a password");

        assertThat(stored).startsWith("{bcrypt}").doesNotContain("password");
        assertThat(encoder.matches("{not a scheme} but a password", stored)).isTrue();
    }

    @Test
    void aHashedPasswordIsKeptAsItIs() {
        String hashed = encoder.encode("secret");

        assertThat(AdminSecurityConfiguration.encoded(hashed)).isEqualTo(hashed);
        assertThat(encoder.matches("secret", AdminSecurityConfiguration.encoded(hashed))).isTrue();
    }

    @Test
    void noPasswordMeansNoAdmin() {
        assertThat(new AdminProperties("admin", null).enabled()).isFalse();
        assertThat(new AdminProperties("admin", "").enabled()).isFalse();
        assertThat(new AdminProperties("admin", "x").enabled()).isTrue();
    }
}
