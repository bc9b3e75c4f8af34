package kz.qyzmet.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import kz.qyzmet.identity.config.JwtProperties;
import kz.qyzmet.identity.domain.User;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class JwtTokenProviderTest {

    private static final String ISSUER = "https://id.test";
    private final JwtTokenProvider provider =
            new JwtTokenProvider(new JwtProperties(ISSUER, "unit-test-secret-unit-test-secret-0123", Duration.ofMinutes(5)));

    private User user() {
        User user = new User("880101300123", "$2a$12$hash", "Серикбаев Ерлан");
        ReflectionTestUtils.setField(user, "id", UUID.fromString("6f1c1b8e-3a52-4c1f-9d7e-2b3c4d5e6f70"));
        return user;
    }

    @Test
    void issuedTokenIsAccepted() {
        var claims = provider.parse(provider.createAccessToken(user()));
        assertThat(claims).isPresent();
        assertThat(claims.get().get("iin")).isEqualTo("880101300123");
        assertThat(JwtTokenProvider.roles(claims.get())).containsExactly("CITIZEN");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        var other = new JwtTokenProvider(new JwtProperties(ISSUER, "another-secret-another-secret-987654", null));
        assertThat(provider.parse(other.createAccessToken(user()))).isEmpty();
    }

    @Test
    void tamperedTokenIsRejected() {
        String[] parts = provider.createAccessToken(user()).split("\\.");
        String forged = parts[0] + "." + parts[1].replace('A', 'B') + "." + parts[2];
        assertThat(provider.parse(forged)).isEmpty();
    }

    @Test
    void shortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new JwtProperties(ISSUER, "too-short", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
