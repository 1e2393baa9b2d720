package ppvchat.accounts.control;

import java.time.Instant;
import ppvchat.accounts.entity.Role;

/** Who a verified token says a session is. */
public record ChatIdentity(long webmasterId, long userId, Role role, String username, Instant expiresAt) {}
