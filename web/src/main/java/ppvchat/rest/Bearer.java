package ppvchat.rest;

/** The token of an {@code Authorization: Bearer …} header; null when there is none. */
public final class Bearer {

    private static final String PREFIX = "Bearer ";

    private Bearer() {}

    public static String token(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? authorization.substring(PREFIX.length()).strip()
                : null;
    }
}
