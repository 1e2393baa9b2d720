package ppvchat.rest;

import jakarta.ws.rs.core.CacheControl;

/** For answers about one signed-in person (tokens, balances, their uploads): kept by no cache at all. */
public final class NoStore {

    private NoStore() {}

    public static CacheControl cacheControl() {
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        never.setNoTransform(false);
        return never;
    }
}
