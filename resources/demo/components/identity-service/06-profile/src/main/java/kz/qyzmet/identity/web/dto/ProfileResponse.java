package kz.qyzmet.identity.web.dto;

import java.util.Set;
import java.util.UUID;
import kz.qyzmet.identity.domain.Role;
import kz.qyzmet.identity.domain.User;

public record ProfileResponse(UUID id, String iin, String fullName, String email, Set<Role> roles) {

    public static ProfileResponse of(User user) {
        return new ProfileResponse(user.getId(), maskIin(user.getIin()), user.getFullName(), user.getEmail(), user.getRoles());
    }

    /** The IIN is personal data: show only the birth date part and the last two digits. */
    static String maskIin(String iin) {
        return iin.substring(0, 6) + "****" + iin.substring(10);
    }
}
