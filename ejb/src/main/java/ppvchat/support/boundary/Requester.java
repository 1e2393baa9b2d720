package ppvchat.support.boundary;

/**
 * Who asks the support desk: a console account by its sign-in name (the console knows it from the session),
 * or a chat user by their chat token (the performer page sends it). Exactly one is set.
 */
public record Requester(String consoleUsername, String chatToken) {

    public static Requester console(String username) {
        if (username == null) {
            throw new IllegalArgumentException("a console requester has a name");
        }
        return new Requester(username, null);
    }

    /** A missing token is refused when the desk looks at it, as not signed in. */
    public static Requester chat(String token) {
        return new Requester(null, token == null ? "" : token);
    }
}
