package kz.qyzmet.identity.web;

import jakarta.validation.Valid;
import kz.qyzmet.identity.security.JwtTokenProvider;
import kz.qyzmet.identity.service.UserService;
import kz.qyzmet.identity.web.dto.LoginRequest;
import kz.qyzmet.identity.web.dto.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final UserService userService;
    private final JwtTokenProvider tokenProvider;

    public AuthController(UserService userService, JwtTokenProvider tokenProvider) {
        this.userService = userService;
        this.tokenProvider = tokenProvider;
    }

    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request) {
        var user = userService.authenticate(request.iin(), request.password())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Invalid IIN or password"));
        return TokenResponse.bearer(tokenProvider.createAccessToken(user), tokenProvider.accessTokenTtlSeconds());
    }
}
