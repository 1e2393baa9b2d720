package ppvchat.payments.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an order tells PayPal about itself in {@code custom_id} (PayPal copies it into every capture):
 * the site, the buyer, the package and our order reference, e.g. {@code ppv:1:42:3:<uuid>}.
 */
public record OrderReference(long webmasterId, long userId, long itemId, String reference) {

    private static final Pattern FORMAT =
            Pattern.compile("ppv:([0-9]{1,18}):([0-9]{1,18}):([0-9]{1,18}):([0-9a-f-]{36})");

    public String customId() {
        return "ppv:" + webmasterId + ":" + userId + ":" + itemId + ":" + reference;
    }

    /** The reference in a capture's custom_id; empty when the capture was not made by one of our orders. */
    public static Optional<OrderReference> parse(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(customId);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new OrderReference(
                Long.parseLong(match.group(1)),
                Long.parseLong(match.group(2)),
                Long.parseLong(match.group(3)),
                match.group(4)));
    }
}
