package kz.qyzmet.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private static final String IIN = "880101300123";

    @Test
    void acceptsStrongPassword() {
        assertThat(policy.violations("Tulpar-Zhol-2025", IIN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "Abc-12"})
    void rejectsShortPasswords(String password) {
        assertThat(policy.violations(password, IIN)).containsExactly("password.tooShort");
    }

    @Test
    void rejectsSingleCharacterClass() {
        assertThat(policy.violations("onlylowercaseletters", IIN)).contains("password.tooSimple");
    }

    @Test
    void rejectsPasswordContainingIin() {
        assertThat(policy.violations("Pw-" + IIN, IIN)).contains("password.containsIin");
    }

    @Test
    void rejectsCommonPasswordsCaseInsensitively() {
        assertThat(policy.violations("Astana2025!", IIN)).contains("password.common");
    }
}
