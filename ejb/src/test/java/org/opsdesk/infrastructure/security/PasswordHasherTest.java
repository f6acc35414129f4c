package org.opsdesk.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Few iterations: the tests check the format and the algorithm, not the slowness. */
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void aHashIsPbkdf2WithItsIterationsAndA32ByteSaltInJakartaSecuritysFormat() {
        String stored = hasher.hash("correct horse");
        String[] parts = stored.split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(parts[1]).isEqualTo("1000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(32);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored).doesNotContain("correct horse");
        assertThat(hasher.hash("correct horse")).as("a new salt each time").isNotEqualTo(stored);
    }

    @Test
    void onlyThePasswordItWasMadeFromVerifies() {
        String stored = hasher.hash("correct horse");
        assertThat(hasher.verify("correct horse", stored)).isTrue();
        assertThat(hasher.verify("correct horse ", stored)).isFalse();
        assertThat(hasher.verify("Correct horse", stored)).isFalse();
        assertThat(hasher.verify(null, stored)).isFalse();
        assertThat(new PasswordHasher(5).verify("correct horse", stored))
                .as("the stored iteration count is used, not the hasher's").isTrue();
    }

    /** RFC 7914, section 11: PBKDF2-HMAC-SHA256 of "passwd" with salt "salt", 1 iteration (first 32 bytes). */
    @Test
    void itIsTheStandardAlgorithmByItsPublishedTestVector() {
        byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        Base64.Encoder b64 = Base64.getEncoder();
        String stored = "PBKDF2WithHmacSHA256:1:" + b64.encodeToString("salt".getBytes(StandardCharsets.US_ASCII))
                + ":" + b64.encodeToString(expected);
        assertThat(hasher.verify("passwd", stored)).isTrue();
        assertThat(hasher.verify("passwe", stored)).isFalse();
    }

    @Test
    void aDamagedOrForeignStoredHashMatchesNothingAndDoesNotThrow() {
        for (String damaged : new String[] {"", "x", "PBKDF2WithHmacSHA256:1000:AAAA",
                "PBKDF2WithHmacSHA256:many:AAAA:AAAA", "PBKDF2WithHmacSHA256:1000:not base64!:AAAA",
                "PBKDF2WithHmacSHA256:0:AAAA:AAAA", "PBKDF2WithHmacSHA256:1000::AAAA",
                "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", "PBKDF2WithHmacSHA1:1000:AAAA:AAAA"}) {
            assertThat(hasher.verify("anything", damaged)).as(damaged).isFalse();
        }
        assertThat(hasher.verify("anything", null)).isFalse();
    }
}
