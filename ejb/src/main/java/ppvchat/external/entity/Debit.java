package ppvchat.external.entity;

/**
 * The body of {@code /debit}: take {@code credits} from the user for a private show ({@code reason} "show", with
 * its id) or a tip ({@code reason} "tip", no show id). The key makes the call safe to repeat.
 */
public record Debit(
        String key, String userId, long credits, String reason, Long showId, long performerId, String performerName) {

    public static Debit forShow(
            String key, String userId, long credits, long showId, long performerId, String performerName) {
        return new Debit(key, userId, credits, "show", showId, performerId, performerName);
    }

    public static Debit forTip(String key, String userId, long credits, long performerId, String performerName) {
        return new Debit(key, userId, credits, "tip", null, performerId, performerName);
    }
}
