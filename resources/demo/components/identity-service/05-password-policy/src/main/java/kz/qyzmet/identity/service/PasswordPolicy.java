package kz.qyzmet.identity.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Password rules from the Ministry's order No. 412 "On requirements for information security":
 * at least 10 characters, three character classes, not the IIN and not a known weak password.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private static final Set<String> WEAK = Set.of(
            "qwerty12345", "1234567890", "password123", "qwertyuiop", "astana2025!", "almaty12345");

    public List<String> violations(String password, String iin) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.tooShort");
            return problems;
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) {
            problems.add("password.tooSimple");
        }
        if (iin != null && password.contains(iin)) {
            problems.add("password.containsIin");
        }
        if (WEAK.contains(password.toLowerCase())) {
            problems.add("password.common");
        }
        return problems;
    }
}
