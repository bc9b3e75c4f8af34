package kz.qyzmet.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import kz.qyzmet.identity.domain.RefreshToken;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.repository.RefreshTokenRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RefreshTokenService {

    private static final Duration TTL = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository tokens;
    private final Clock clock;

    public RefreshTokenService(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates a new refresh token for the user and returns its clear-text value. */
    @Transactional
    public String issue(User user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new RefreshToken(user, hash(value), clock.instant().plus(TTL)));
        return value;
    }

    /**
     * Exchanges a refresh token for its owner and revokes it (rotation). Presenting an already
     * revoked token revokes every token of the user: it was most likely stolen.
     */
    @Transactional(noRollbackFor = InvalidRefreshTokenException.class)
    public User redeem(String value) {
        Instant now = clock.instant();
        RefreshToken token = tokens.findByTokenHash(hash(value)).orElseThrow(InvalidRefreshTokenException::new);
        if (!token.isActive(now)) {
            tokens.revokeAllForUser(token.getUser().getId(), now);
            throw new InvalidRefreshTokenException();
        }
        token.revoke(now);
        return token.getUser();
    }

    @Transactional
    public void revokeAll(User user) {
        tokens.revokeAllForUser(user.getId(), clock.instant());
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Almaty")
    @Transactional
    public void purgeExpired() {
        tokens.deleteExpired(clock.instant().minus(Duration.ofDays(30)));
    }

    static String hash(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static class InvalidRefreshTokenException extends RuntimeException {
        public InvalidRefreshTokenException() {
            super("Refresh token is invalid, expired or revoked");
        }
    }
}
