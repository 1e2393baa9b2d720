package ppvchat.accounts.boundary;

import java.time.Instant;

/** The answer to signing in: the token to present on every socket handshake, and who it names. */
public record SignedIn(String token, Instant expiresAt, long webmasterId, long userId, String username, String role) {}
