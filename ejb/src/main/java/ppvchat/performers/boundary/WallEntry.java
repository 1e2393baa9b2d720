package ppvchat.performers.boundary;

import java.io.Serializable;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerStatus;

/** One tile of the performer wall. {@code avatarPhotoId} is null for a performer without photos. */
public record WallEntry(
        long performerId,
        String displayName,
        String headline,
        int pricePerMinute,
        Long avatarPhotoId,
        PerformerStatus status)
        implements Serializable {

    public static WallEntry of(Performer performer, Long avatarPhotoId, PerformerStatus status) {
        return new WallEntry(
                performer.id(),
                performer.displayName(),
                performer.headline(),
                performer.pricePerMinute(),
                avatarPhotoId,
                status);
    }
}
