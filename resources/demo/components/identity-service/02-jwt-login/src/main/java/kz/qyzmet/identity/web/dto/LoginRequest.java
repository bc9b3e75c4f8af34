package kz.qyzmet.identity.web.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record LoginRequest(
        @NotBlank @Pattern(regexp = "\\d{12}", message = "IIN must be 12 digits") String iin,
        @NotBlank String password) {
}
