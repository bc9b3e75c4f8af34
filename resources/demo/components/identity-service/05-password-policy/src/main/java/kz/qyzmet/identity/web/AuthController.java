package kz.qyzmet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.security.JwtTokenProvider;
import kz.qyzmet.identity.service.RefreshTokenService;
import kz.qyzmet.identity.service.RefreshTokenService.InvalidRefreshTokenException;
import kz.qyzmet.identity.service.UserService;
import kz.qyzmet.identity.web.dto.LoginRequest;
import kz.qyzmet.identity.web.dto.RefreshRequest;
import kz.qyzmet.identity.web.dto.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final UserService userService;
    private final JwtTokenProvider tokenProvider;
    private final RefreshTokenService refreshTokens;

    public AuthController(UserService userService, JwtTokenProvider tokenProvider, RefreshTokenService refreshTokens) {
        this.userService = userService;
        this.tokenProvider = tokenProvider;
        this.refreshTokens = refreshTokens;
    }

    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        User user = userService.authenticate(request.iin(), request.password(), http.getRemoteAddr())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Invalid IIN or password"));
        return tokensFor(user);
    }

    @PostMapping("/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        try {
            return tokensFor(refreshTokens.redeem(request.refreshToken()));
        } catch (InvalidRefreshTokenException e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@Valid @RequestBody RefreshRequest request) {
        try {
            refreshTokens.revokeAll(refreshTokens.redeem(request.refreshToken()));
        } catch (InvalidRefreshTokenException e) {
            // Logging out with a dead token is not an error.
        }
    }

    private TokenResponse tokensFor(User user) {
        return TokenResponse.bearer(
                tokenProvider.createAccessToken(user),
                tokenProvider.accessTokenTtlSeconds(),
                refreshTokens.issue(user));
    }
}
