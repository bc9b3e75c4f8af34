package kz.qyzmet.identity.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qyzmet.identity.config.JwtProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The RSA keys of identity.jwt.keys, loaded once at start-up; a missing or broken key stops the service. */
@Component
public class JwtKeyRing {

    private final Map<String, RSAPublicKey> publicKeys = new LinkedHashMap<>();
    private final String activeKeyId;
    private final PrivateKey activePrivateKey;

    public JwtKeyRing(JwtProperties properties) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey active = null;
        for (JwtProperties.KeyEntry entry : properties.keys()) {
            byte[] publicDer = pem(entry.publicKey(), "PUBLIC KEY");
            publicKeys.put(entry.kid(), (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicDer)));
            if (entry.kid().equals(properties.activeKeyId())) {
                if (entry.privateKey() == null) {
                    throw new IllegalStateException("Active JWT key " + entry.kid() + " has no private key");
                }
                active = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(entry.privateKey(), "PRIVATE KEY")));
            }
        }
        if (active == null) {
            throw new IllegalStateException("identity.jwt.active-key-id " + properties.activeKeyId() + " is not among identity.jwt.keys");
        }
        this.activeKeyId = properties.activeKeyId();
        this.activePrivateKey = active;
    }

    public String activeKeyId() { return activeKeyId; }
    public PrivateKey activePrivateKey() { return activePrivateKey; }
    public RSAPublicKey publicKey(String kid) { return publicKeys.get(kid); }
    public Map<String, RSAPublicKey> publicKeys() { return Map.copyOf(publicKeys); }

    private static byte[] pem(Resource resource, String type) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String body = text
                    .replace("-----BEGIN " + type + "-----", "")
                    .replace("-----END " + type + "-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        }
    }
}
