package kz.qyzmet.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qyzmet.identity.domain.User;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import java.util.UUID;

class JwtTokenProviderTest {

    private final JwtTokenProvider provider = new JwtTokenProvider();

    private User user() {
        User user = new User("880101300123", "$2a$12$hash", "Серикбаев Ерлан");
        ReflectionTestUtils.setField(user, "id", UUID.fromString("6f1c1b8e-3a52-4c1f-9d7e-2b3c4d5e6f70"));
        return user;
    }

    @Test
    void issuedTokenIsAccepted() {
        String token = provider.createAccessToken(user());
        var claims = provider.parse(token);
        assertThat(claims).isPresent();
        assertThat(claims.get().get("iin")).isEqualTo("880101300123");
        assertThat(JwtTokenProvider.roles(claims.get())).containsExactly("CITIZEN");
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = provider.createAccessToken(user());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].replace('A', 'B') + "." + parts[2];
        assertThat(provider.parse(forged)).isEmpty();
    }

    @Test
    void garbageIsRejected() {
        assertThat(provider.parse("not-a-token")).isEmpty();
        assertThat(provider.parse("")).isEmpty();
    }
}
