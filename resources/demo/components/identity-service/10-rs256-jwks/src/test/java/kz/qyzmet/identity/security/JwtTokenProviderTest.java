package kz.qyzmet.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kz.qyzmet.identity.config.JwtProperties;
import kz.qyzmet.identity.domain.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.util.ReflectionTestUtils;

class JwtTokenProviderTest {

    private static final String ISSUER = "https://id.test";
    private static KeyPair current;
    private static KeyPair other;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        current = generator.generateKeyPair();
        other = generator.generateKeyPair();
    }

    private static JwtTokenProvider provider(KeyPair pair, String kid) throws Exception {
        var entry = new JwtProperties.KeyEntry(kid,
                pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        var properties = new JwtProperties(ISSUER, kid, List.of(entry), Duration.ofMinutes(5));
        return new JwtTokenProvider(properties, new JwtKeyRing(properties));
    }

    private static ByteArrayResource pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return new ByteArrayResource(("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes());
    }

    private static User user() {
        User user = new User("880101300123", "$2a$12$hash", "Серикбаев Ерлан");
        ReflectionTestUtils.setField(user, "id", UUID.fromString("6f1c1b8e-3a52-4c1f-9d7e-2b3c4d5e6f70"));
        return user;
    }

    @Test
    void issuedTokenIsAccepted() throws Exception {
        JwtTokenProvider provider = provider(current, "k1");
        var claims = provider.parse(provider.createAccessToken(user()));
        assertThat(claims).isPresent();
        assertThat(JwtTokenProvider.roles(claims.get())).containsExactly("CITIZEN");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        String foreign = provider(other, "k1").createAccessToken(user());
        assertThat(provider(current, "k1").parse(foreign)).isEmpty();
    }

    @Test
    void unsignedTokenIsRejected() throws Exception {
        String[] parts = provider(current, "k1").createAccessToken(user()).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes());
        assertThat(provider(current, "k1").parse(header + "." + parts[1] + ".")).isEmpty();
    }
}
