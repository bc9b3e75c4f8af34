package kz.qyzmet.identity.web;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kz.qyzmet.identity.security.JwtKeyRing;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys (RFC 7517) so that other services can verify access tokens. */
@RestController
public class JwksController {

    private final JwtKeyRing keys;

    public JwksController(JwtKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, String>> entries = keys.publicKeys().entrySet().stream()
                .map(e -> jwk(e.getKey(), e.getValue()))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePublic())
                .body(Map.of("keys", entries));
    }

    private static Map<String, String> jwk(String kid, RSAPublicKey key) {
        return Map.of(
                "kty", "RSA",
                "use", "sig",
                "alg", "RS256",
                "kid", kid,
                "n", base64Url(key.getModulus()),
                "e", base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
