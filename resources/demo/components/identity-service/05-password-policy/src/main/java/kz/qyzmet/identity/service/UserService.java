package kz.qyzmet.identity.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.repository.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public UserService(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                       JdbcTemplate jdbc, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The user with this IIN and password, unless the account is locked. Every attempt is written
     * to login_audit; five failures within 15 minutes lock the account until an officer unlocks it.
     */
    @Transactional
    public Optional<User> authenticate(String iin, String password, String clientIp) {
        Optional<User> found = users.findByIin(iin);
        boolean ok = found.isPresent()
                && !found.get().isLocked()
                && passwordEncoder.matches(password, found.get().getPasswordHash());
        jdbc.update("INSERT INTO login_audit (iin, success, client_ip, attempted_at) VALUES (?, ?, ?::inet, ?)",
                iin, ok, clientIp, java.sql.Timestamp.from(clock.instant()));
        if (!ok && found.isPresent() && recentFailures(iin) >= MAX_FAILED_ATTEMPTS) {
            log.warn("Locking account {} after {} failed logins", found.get().getId(), MAX_FAILED_ATTEMPTS);
            found.get().setLocked(true);
        }
        return ok ? found : Optional.empty();
    }

    @Transactional
    public void changePassword(User user, String newPassword) {
        List<String> problems = passwordPolicy.violations(newPassword, user.getIin());
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        users.save(user);
    }

    private int recentFailures(String iin) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM login_audit WHERE iin = ? AND NOT success AND attempted_at > ?",
                Integer.class, iin, java.sql.Timestamp.from(clock.instant().minus(FAILURE_WINDOW)));
        return count == null ? 0 : count;
    }

    public static class WeakPasswordException extends RuntimeException {
        private final List<String> violations;

        public WeakPasswordException(List<String> violations) {
            super("Password does not meet the policy: " + violations);
            this.violations = violations;
        }

        public List<String> getViolations() {
            return violations;
        }
    }
}
