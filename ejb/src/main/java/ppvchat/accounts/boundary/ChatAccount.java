package ppvchat.accounts.boundary;

/** A signed-in chat user as their own pages show them: who they are and what they can spend. */
public record ChatAccount(long userId, String username, String role, long credits, long available) {}
