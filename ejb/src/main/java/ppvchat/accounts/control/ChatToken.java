package ppvchat.accounts.control;

import java.time.Instant;

/** A signed token and when it stops being accepted. */
public record ChatToken(String value, Instant expiresAt) {}
