package ppvchat.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ppvchat.signaling.boundary.IceServer;

class IceServersTest {

    private static IceServers configured(String stun, String turn, String secret) {
        IceServers servers = new IceServers();
        servers.stunUrls = Optional.ofNullable(stun);
        servers.turnUrls = Optional.ofNullable(turn);
        servers.turnSecret = Optional.ofNullable(secret);
        servers.turnTtlSeconds = 600;
        servers.clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
        return servers;
    }

    @Test
    void turnCredentialsFollowTheTurnRestApiAndExpire() {
        List<IceServer> servers = configured(
                        "stun:a:3478, stun:b:3478", "turn:t:3478?transport=udp turns:t:5349", "s3cret")
                .forUser(4, 42);
        assertEquals(List.of("stun:a:3478", "stun:b:3478"), servers.get(0).urls());
        assertNull(servers.get(0).credential());
        IceServer turn = servers.get(1);
        assertEquals("1800000600:4-42", turn.username(), "expiry, then who");
        // base64(HMAC-SHA1("s3cret", "1800000600:4-42")), as coturn's use-auth-secret computes it
        assertEquals(IceServers.credential("s3cret", "1800000600:4-42"), turn.credential());
        assertEquals(28, turn.credential().length());
        assertTrue(!turn.credential().contains("s3cret"));
    }

    @Test
    void noTurnWithoutItsSecretAndNothingWhenNothingIsConfigured() {
        assertEquals(1, configured("stun:a", "turn:t", null).forUser(1, 1).size());
        assertTrue(configured(null, null, null).forUser(1, 1).isEmpty());
    }

    @Test
    void theCredentialIsTheKnownHmac() {
        // RFC 2202 test case 2: HMAC-SHA1("Jefe", "what do ya want for nothing?")
        assertEquals("7/zfauXrL6LSdBbV8YTfnCWafHk=", IceServers.credential("Jefe", "what do ya want for nothing?"));
    }
}
