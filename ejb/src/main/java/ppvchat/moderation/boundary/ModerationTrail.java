package ppvchat.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.moderation.entity.ModerationKind;
import ppvchat.moderation.entity.TypingPreviewAudit;
import ppvchat.platform.entity.DomainException;

/**
 * A site's moderation trail as the console's Moderation page reads it, a page at a time and newest first:
 * kicks, bans, unbans, mutes, removals and stopped shows with who acted (staff in a room or a console
 * account), on whom, where and why; the bans in force; and who watched users type. Every query names the
 * site.
 */
@Stateless
public class ModerationTrail {

    /** One action; {@code actor} is a chat username or, when {@code byConsole}, a console account's. */
    public record Action(
            long id,
            Instant at,
            String kind,
            String actor,
            boolean byConsole,
            long targetUserId,
            String target,
            String room,
            String reason,
            Instant until,
            boolean permanent) {}

    /** A ban in force. */
    public record Ban(long userId, String username, Instant until, boolean permanent, String reason) {}

    /** A staff member who started watching what users type in a room. */
    public record TypingWatch(long id, Instant at, long viewerUserId, String viewer, String viewerRole, String room) {}

    private static final int MAX_ROWS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Actions of one kind (KICK, BAN, …) or of every kind when {@code kind} is null or blank. */
    public List<Action> actions(long webmasterId, String kind, int first, int max) {
        List<ModerationAction> rows = actionQuery("SELECT m", ModerationAction.class, webmasterId, kind)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(rows(max))
                .getResultList();
        Map<Long, String> users = userNames(
                webmasterId,
                rows.stream()
                        .flatMap(m -> Stream.of(m.targetUserId(), m.actorUserId()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
        Map<Long, String> accounts = accountNames(rows.stream()
                .map(ModerationAction::actorAccountId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, String> rooms = performerNames(
                webmasterId,
                rows.stream()
                        .map(ModerationAction::performerId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
        return rows.stream()
                .map(m -> new Action(
                        m.id(),
                        m.createdAt(),
                        m.action().name(),
                        m.actorAccountId() != null
                                ? accounts.getOrDefault(m.actorAccountId(), "#" + m.actorAccountId())
                                : users.getOrDefault(m.actorUserId(), "#" + m.actorUserId()),
                        m.actorAccountId() != null,
                        m.targetUserId(),
                        users.getOrDefault(m.targetUserId(), "#" + m.targetUserId()),
                        m.performerId() == null ? null : rooms.getOrDefault(m.performerId(), "#" + m.performerId()),
                        m.reason(),
                        m.expiresAt(),
                        m.action() == ModerationKind.BAN && m.expiresAt() == null))
                .toList();
    }

    public long countActions(long webmasterId, String kind) {
        return actionQuery("SELECT COUNT(m)", Long.class, webmasterId, kind).getSingleResult();
    }

    /** Users banned now, the soonest to end first (permanent bans last). */
    public List<Ban> bans(long webmasterId, int first, int max) {
        return em.createQuery(
                        "SELECT u FROM ChatUser u WHERE u.webmasterId = :w AND u.bannedUntil > :now"
                                + " ORDER BY u.bannedUntil, u.id",
                        ChatUser.class)
                .setParameter("w", webmasterId)
                .setParameter("now", clock.instant())
                .setFirstResult(Math.max(0, first))
                .setMaxResults(rows(max))
                .getResultStream()
                .map(u -> new Ban(u.id(), u.username(), u.bannedUntil(), u.isBannedPermanently(), u.banReason()))
                .toList();
    }

    public long countBans(long webmasterId) {
        return em.createQuery(
                        "SELECT COUNT(u) FROM ChatUser u WHERE u.webmasterId = :w AND u.bannedUntil > :now", Long.class)
                .setParameter("w", webmasterId)
                .setParameter("now", clock.instant())
                .getSingleResult();
    }

    /** Who started watching live typing where, newest first. */
    public List<TypingWatch> typingWatches(long webmasterId, int first, int max) {
        List<TypingPreviewAudit> rows = em.createNamedQuery(TypingPreviewAudit.OF_WEBMASTER, TypingPreviewAudit.class)
                .setParameter("webmasterId", webmasterId)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(rows(max))
                .getResultList();
        Map<Long, String> viewers = userNames(
                webmasterId, rows.stream().map(TypingPreviewAudit::viewerUserId).collect(Collectors.toSet()));
        Map<Long, String> rooms = performerNames(
                webmasterId, rows.stream().map(TypingPreviewAudit::performerId).collect(Collectors.toSet()));
        return rows.stream()
                .map(a -> new TypingWatch(
                        a.id(),
                        a.startedAt(),
                        a.viewerUserId(),
                        viewers.getOrDefault(a.viewerUserId(), "#" + a.viewerUserId()),
                        a.viewerRole().name(),
                        rooms.getOrDefault(a.performerId(), "#" + a.performerId())))
                .toList();
    }

    public long countTypingWatches(long webmasterId) {
        return em.createQuery("SELECT COUNT(a) FROM TypingPreviewAudit a WHERE a.webmasterId = :w", Long.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
    }

    private <T> TypedQuery<T> actionQuery(String select, Class<T> type, long webmasterId, String kind) {
        ModerationKind wanted = kind(kind);
        String order = type == Long.class ? "" : " ORDER BY m.createdAt DESC, m.id DESC";
        TypedQuery<T> query = em.createQuery(
                        select + " FROM ModerationAction m WHERE m.webmasterId = :w"
                                + (wanted == null ? "" : " AND m.action = :kind") + order,
                        type)
                .setParameter("w", webmasterId);
        return wanted == null ? query : query.setParameter("kind", wanted);
    }

    private static ModerationKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ModerationKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("no such kind of moderation action: " + kind);
        }
    }

    private static int rows(int max) {
        return Math.max(1, Math.min(max, MAX_ROWS));
    }

    private Map<Long, String> userNames(long webmasterId, Set<Long> ids) {
        return names(
                "SELECT u.id, u.username FROM ChatUser u WHERE u.webmasterId = :w AND u.id IN :ids", webmasterId, ids);
    }

    private Map<Long, String> performerNames(long webmasterId, Set<Long> ids) {
        return names(
                "SELECT p.id, p.displayName FROM Performer p WHERE p.webmasterId = :w AND p.id IN :ids",
                webmasterId,
                ids);
    }

    /** Console accounts of the actions already read for this site; platform admins belong to no site. */
    private Map<Long, String> accountNames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a.id, a.username FROM ConsoleAccount a WHERE a.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    private Map<Long, String> names(String jpql, long webmasterId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(jpql, Object[].class)
                .setParameter("w", webmasterId)
                .setParameter("ids", List.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }
}
