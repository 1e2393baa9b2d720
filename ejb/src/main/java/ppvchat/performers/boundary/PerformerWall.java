package ppvchat.performers.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerPhoto;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.tenancy.boundary.Webmasters;

/** What visitors see of a webmaster's performers: the wall, and the photos on it. */
@Stateless
public class PerformerWall {

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    LiveRooms rooms;

    /**
     * Every enabled performer of the webmaster, by display name, with their avatar (the photo with the lowest
     * sort order; the descending scan leaves it in the map) and their live status: offline without an
     * open room, busy during a private show, online otherwise.
     */
    public List<WallEntry> of(long webmasterId) {
        webmasters.find(webmasterId);
        Map<Long, Long> avatars = new HashMap<>();
        em.createQuery(
                        "SELECT f.performerId, f.id FROM PerformerPhoto f WHERE f.webmasterId = :webmasterId"
                                + " ORDER BY f.sortOrder DESC",
                        Object[].class)
                .setParameter("webmasterId", webmasterId)
                .getResultList()
                .forEach(row -> avatars.put((Long) row[0], (Long) row[1]));
        return em.createNamedQuery(Performer.ON_WALL, Performer.class)
                .setParameter("webmasterId", webmasterId)
                .getResultStream()
                .map(p -> WallEntry.of(p, avatars.get(p.id()), rooms.statusOf(p.id())))
                .toList();
    }

    /** A photo of one of this webmaster's performers; another webmaster's photo is not found. */
    public Photo photo(long webmasterId, long photoId) {
        PerformerPhoto photo = em.find(PerformerPhoto.class, photoId);
        if (photo == null || !photo.belongsTo(webmasterId)) {
            throw new NotFound("no photo " + photoId);
        }
        return new Photo(photo.contentType(), photo.content());
    }
}
