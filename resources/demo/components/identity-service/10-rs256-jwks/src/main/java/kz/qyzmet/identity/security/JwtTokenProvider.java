package kz.qyzmet.identity.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import java.security.Key;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import kz.qyzmet.identity.config.JwtProperties;
import kz.qyzmet.identity.domain.Role;
import kz.qyzmet.identity.domain.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the platform's access tokens: RS256 JWTs with a "kid" header. Other services
 * verify them with the public keys published at /.well-known/jwks.json and need no shared secret.
 */
@Component
@EnableConfigurationProperties(JwtProperties.class)
public class JwtTokenProvider {

    private static final Logger log = LoggerFactory.getLogger(JwtTokenProvider.class);

    private final JwtProperties properties;
    private final JwtKeyRing keys;

    public JwtTokenProvider(JwtProperties properties, JwtKeyRing keys) {
        this.properties = properties;
        this.keys = keys;
    }

    public String createAccessToken(User user) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(keys.activeKeyId()).and()
                .issuer(properties.issuer())
                .subject(user.getId().toString())
                .claim("iin", user.getIin())
                .claim("name", user.getFullName())
                .claim("roles", user.getRoles().stream().map(Role::name).toList())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.accessTokenTtl())))
                .signWith(keys.activePrivateKey(), Jwts.SIG.RS256)
                .compact();
    }

    public long accessTokenTtlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    /** Returns the verified claims, or empty when the token is malformed, expired, forged or signed with an unknown key. */
    public Optional<Claims> parse(String token) {
        try {
            Claims claims = Jwts.parser()
                    .keyLocator(new LocatorAdapter<Key>() {
                        @Override
                        protected Key locate(ProtectedHeader header) {
                            return header.getKeyId() == null ? null : keys.publicKey(header.getKeyId());
                        }
                    })
                    .sig().add(Jwts.SIG.RS256).and()
                    .requireIssuer(properties.issuer())
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            return Optional.of(claims);
        } catch (JwtException | IllegalArgumentException e) {
            log.debug("Rejected access token: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    public static List<String> roles(Claims claims) {
        Object roles = claims.get("roles");
        return roles instanceof List<?> list ? (List<String>) list : List.of();
    }
}
