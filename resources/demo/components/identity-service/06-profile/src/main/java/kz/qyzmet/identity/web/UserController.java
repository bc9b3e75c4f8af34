package kz.qyzmet.identity.web;

import jakarta.validation.Valid;
import java.util.UUID;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.repository.UserRepository;
import kz.qyzmet.identity.service.UserService;
import kz.qyzmet.identity.service.UserService.WeakPasswordException;
import kz.qyzmet.identity.web.dto.ChangePasswordRequest;
import kz.qyzmet.identity.web.dto.ProfileResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserRepository users;
    private final UserService userService;
    private final PasswordEncoder passwordEncoder;

    public UserController(UserRepository users, UserService userService, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.userService = userService;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/me")
    public ProfileResponse me(@AuthenticationPrincipal String userId) {
        return ProfileResponse.of(current(userId));
    }

    @PutMapping("/me/password")
    public ResponseEntity<?> changePassword(@AuthenticationPrincipal String userId,
                                            @Valid @RequestBody ChangePasswordRequest request) {
        User user = current(userId);
        if (!passwordEncoder.matches(request.currentPassword(), user.getPasswordHash())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Current password is wrong");
        }
        try {
            userService.changePassword(user, request.newPassword());
        } catch (WeakPasswordException e) {
            return ResponseEntity.unprocessableEntity().body(e.getViolations());
        }
        return ResponseEntity.noContent().build();
    }

    private User current(String userId) {
        return users.findById(UUID.fromString(userId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
