package kz.qyzmet.identity.repository;

import java.util.Optional;
import java.util.UUID;
import kz.qyzmet.identity.domain.User;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByIin(String iin);

    boolean existsByIin(String iin);
}
