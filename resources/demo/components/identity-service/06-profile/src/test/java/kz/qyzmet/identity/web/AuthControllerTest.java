package kz.qyzmet.identity.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import kz.qyzmet.identity.config.SecurityConfig;
import kz.qyzmet.identity.domain.User;
import kz.qyzmet.identity.security.JwtTokenProvider;
import kz.qyzmet.identity.service.RefreshTokenService;
import kz.qyzmet.identity.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuthController.class)
@Import(SecurityConfig.class)
class AuthControllerTest {

    @Autowired MockMvc mvc;
    @MockBean UserService userService;
    @MockBean JwtTokenProvider tokenProvider;
    @MockBean RefreshTokenService refreshTokens;

    @Test
    void loginReturnsTokens() throws Exception {
        User user = new User("880101300123", "hash", "Серикбаев Ерлан");
        when(userService.authenticate(eq("880101300123"), eq("Tulpar-Zhol-2025"), any())).thenReturn(Optional.of(user));
        when(tokenProvider.createAccessToken(user)).thenReturn("access");
        when(tokenProvider.accessTokenTtlSeconds()).thenReturn(900L);
        when(refreshTokens.issue(user)).thenReturn("refresh");

        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"iin\":\"880101300123\",\"password\":\"Tulpar-Zhol-2025\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").value("access"))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.refreshToken").value("refresh"));
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        when(userService.authenticate(any(), any(), any())).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"iin\":\"880101300123\",\"password\":\"nope\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformedIinIsBadRequest() throws Exception {
        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"iin\":\"12ab\",\"password\":\"x\"}"))
                .andExpect(status().isBadRequest());
    }
}
