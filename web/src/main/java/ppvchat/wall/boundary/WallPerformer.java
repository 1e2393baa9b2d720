package ppvchat.wall.boundary;

import jakarta.ws.rs.core.UriInfo;
import ppvchat.performers.boundary.WallEntry;

/** A performer as the wall's JSON shows them; {@code status} is online, offline or busy. */
public record WallPerformer(
        long id, String displayName, String headline, int pricePerMinute, String photoUrl, String status) {

    public static WallPerformer of(WallEntry entry, UriInfo uri, long webmasterId) {
        return new WallPerformer(
                entry.performerId(),
                entry.displayName(),
                entry.headline(),
                entry.pricePerMinute(),
                photoPath(uri, webmasterId, entry.avatarPhotoId()),
                entry.status().name().toLowerCase());
    }

    /** The photo's path on this server (the client puts its server's origin in front); null without one. */
    private static String photoPath(UriInfo uri, long webmasterId, Long photoId) {
        return photoId == null
                ? null
                : uri.getBaseUriBuilder()
                        .path("webmasters/{w}/photos/{p}")
                        .build(webmasterId, photoId)
                        .getRawPath();
    }
}
