package kz.qyzmet.identity.config;

import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * identity.jwt.* settings. The signing secret comes from the environment (IDENTITY_JWT_SECRET,
 * injected from Vault by the deployment) and is never committed.
 */
@Validated
@ConfigurationProperties(prefix = "identity.jwt")
public record JwtProperties(@NotBlank String issuer, @NotBlank String secret, Duration accessTokenTtl) {

    /** HS256 needs at least 256 bits of key material. */
    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (accessTokenTtl == null) {
            accessTokenTtl = Duration.ofMinutes(15);
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("identity.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
    }
}
