package kz.qyzmet.identity.service;

import java.util.Optional;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.repository.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    public UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /** The user with this IIN and password, unless the account is locked. */
    @Transactional(readOnly = true)
    public Optional<User> authenticate(String iin, String password) {
        return users.findByIin(iin)
                .filter(user -> !user.isLocked())
                .filter(user -> passwordEncoder.matches(password, user.getPasswordHash()));
    }
}
