package ppvchat.accounts.control;

import java.time.Instant;
import ppvchat.accounts.entity.HostUser;

/** A verified host login token: whom the host vouches for, the token's one-use id, and its expiry. */
public record HostLogin(HostUser user, String tokenId, Instant expiresAt) {}
