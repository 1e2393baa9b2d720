package ppvchat.wall.boundary;

import ppvchat.performers.boundary.WallEntry;

/** A performer as the wall's JSON shows them; {@code status} is online, offline or busy. */
public record WallPerformer(
        long id, String displayName, String headline, int pricePerMinute, String photoUrl, String status) {

    static WallPerformer of(WallEntry entry, String photoUrl) {
        return new WallPerformer(
                entry.performerId(),
                entry.displayName(),
                entry.headline(),
                entry.pricePerMinute(),
                photoUrl,
                entry.status().name().toLowerCase());
    }
}
