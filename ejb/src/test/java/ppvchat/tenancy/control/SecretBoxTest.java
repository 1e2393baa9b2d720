package ppvchat.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ppvchat.tenancy.entity.SecretsNotSetUp;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void sealsSoThatOnlyTheKeyOpensIt() {
        SecretBox box = new SecretBox(KEY);
        String secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        String sealed = box.seal(secret);

        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains(secret));
        assertTrue(sealed.length() <= 255, "fits the column: " + sealed.length());
        assertNotEquals(sealed, box.seal(secret), "a fresh nonce every time");
        assertEquals(secret, box.open(sealed));

        IllegalStateException otherKey =
                assertThrows(IllegalStateException.class, () -> new SecretBox(OTHER_KEY).open(sealed));
        assertTrue(otherKey.getMessage().contains("another key"), otherKey.getMessage());
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");
        assertThrows(IllegalStateException.class, () -> box.open(tampered));
    }

    @Test
    void tellsAnOldPlainSecretFromASealedOne() {
        assertFalse(SecretBox.isSealed("0123456789abcdef0123456789abcdef"));
        assertFalse(SecretBox.isSealed(null));
    }

    @Test
    void withoutAKeyItSaysWhichSettingIsMissing() {
        SecretBox box = new SecretBox();
        box.configuredKey = Optional.empty();
        box.loadKey();
        assertFalse(box.ready());
        SecretsNotSetUp missing = assertThrows(SecretsNotSetUp.class, () -> box.seal("x"));
        assertTrue(missing.getMessage().contains("PPV_SECRETS_KEY"));
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(IllegalStateException.class, () -> new SecretBox(shortKey));
        assertThrows(IllegalStateException.class, () -> new SecretBox("not base64!"));
    }
}
