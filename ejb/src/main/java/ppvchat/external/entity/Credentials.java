package ppvchat.external.entity;

/** The body of {@code /authenticate}. Its text never goes to a log: {@link #toString()} hides the password. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
