package ppvchat.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ppvchat.accounts.control.HostLogin;
import ppvchat.accounts.control.HostLoginTokens;
import ppvchat.accounts.entity.Gender;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;

/**
 * The login token the PHP reference server's pages put in the chat's script tag (reference/php/src/ChatLogin.php,
 * the code docs/auto-login.md shows) is one the chat accepts, with everything the page said; and it is bound to
 * its site and secret.
 */
class ChatLoginInteropIT {

    @Test
    void aTokenSignedByThePhpHostIsAcceptedByTheChat() throws Exception {
        String token = phpToken();
        HostLogin login = HostLoginTokens.verify(token, 7, PhpReferenceServer.SECRET, Instant.now());
        assertEquals("1001", login.user().id());
        assertEquals("Maria Rossi", login.user().username());
        assertEquals(Gender.FEMALE, login.user().gender());
        assertEquals(Role.MODERATOR, login.user().role());
        assertEquals("https://www.example.com/members/maria", login.user().profile());
        assertTrue(login.tokenId().matches("[0-9a-f]{32}"), login.tokenId());
        assertTrue(login.expiresAt().isBefore(Instant.now().plusSeconds(121)), "two minutes at most");

        assertThrows(
                NotSignedIn.class, () -> HostLoginTokens.verify(token, 8, PhpReferenceServer.SECRET, Instant.now()));
        assertThrows(
                NotSignedIn.class,
                () -> HostLoginTokens.verify(token, 7, PhpReferenceServer.SECRET.replace('5', '6'), Instant.now()));
    }

    private static String phpToken() throws IOException, InterruptedException {
        Path folder = Path.of(System.getProperty("ppv.reference.php", "../reference/php"))
                .toAbsolutePath()
                .normalize();
        ProcessBuilder php = new ProcessBuilder(
                "php",
                "-r",
                "require 'src/autoload.php'; echo PpvRef\\ChatLogin::token(['id' => 1001, 'username' => 'Maria Rossi',"
                        + " 'image' => null, 'gender' => 'female', 'role' => 'moderator',"
                        + " 'profile' => 'https://www.example.com/members/maria'], '7', getenv('SECRET'));");
        php.directory(folder.toFile());
        php.environment().put("SECRET", PhpReferenceServer.SECRET);
        php.redirectErrorStream(true);
        Process process = php.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, out);
        return out;
    }
}
