package kz.qyzmet.identity.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * identity.jwt.* settings. Tokens are signed with RS256. The private key is mounted from Vault
 * as a PEM file; several public keys may be published at once so that keys can be rotated
 * without invalidating tokens that are still valid.
 *
 * @param activeKeyId  the "kid" of the key used for signing new tokens
 * @param keys         every key pair or public key the service knows, by kid
 */
@Validated
@ConfigurationProperties(prefix = "identity.jwt")
public record JwtProperties(
        @NotBlank String issuer,
        @NotBlank String activeKeyId,
        @NotEmpty List<KeyEntry> keys,
        Duration accessTokenTtl) {

    public JwtProperties {
        if (accessTokenTtl == null) {
            accessTokenTtl = Duration.ofMinutes(15);
        }
    }

    /** A key: the public key is required, the private key only for the active one. */
    public record KeyEntry(@NotBlank String kid, Resource publicKey, Resource privateKey) {
    }
}
