package ppvchat.support.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.support.control.AuthorNames;
import ppvchat.support.control.SupportParties;
import ppvchat.support.control.SupportParty;
import ppvchat.support.entity.SupportMessage;
import ppvchat.support.entity.SupportTicket;
import ppvchat.support.entity.TicketStatus;

/**
 * A site's support tickets. Performers and moderators open them and write again; the site's admins (console
 * staff) answer, close and reopen; everyone but the staff sees only the tickets they opened. A ticket of
 * another site, or one the requester may not see, is not found and nothing changes. Text is kept exactly as
 * typed (pages show it escaped); empty or too long text is refused.
 */
@Stateless
public class SupportDesk {

    /** A ticket in a list. {@code openedBy} is a name; {@code opener} says what they are. */
    public record Summary(
            long id,
            String subject,
            TicketStatus status,
            String openedBy,
            String opener,
            Instant createdAt,
            Instant lastActivity,
            long messages) {}

    /** One message of a thread. Staff names are shown to console accounts only: a chat user sees null. */
    public record Message(long id, String author, boolean staff, boolean mine, Instant at, String body) {}

    /** A ticket with its whole thread, oldest message first. */
    public record Thread(Summary ticket, List<Message> messages) {}

    /** How many of the requester's tickets are in each status. */
    public record Counts(long open, long answered, long closed) {

        public long notClosed() {
            return open + answered;
        }
    }

    private static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    SupportParties parties;

    @Inject
    AuthorNames authors;

    @Inject
    Clock clock;

    public Counts counts(long webmasterId, Requester who) {
        SupportParty party = party(webmasterId, who);
        Map<TicketStatus, Long> by = new EnumMap<>(TicketStatus.class);
        visible(party, null, "SELECT t.status, COUNT(t)", " GROUP BY t.status", Object[].class)
                .getResultList()
                .forEach(row -> by.put((TicketStatus) row[0], ((Number) row[1]).longValue()));
        return new Counts(
                by.getOrDefault(TicketStatus.OPEN, 0L),
                by.getOrDefault(TicketStatus.ANSWERED, 0L),
                by.getOrDefault(TicketStatus.CLOSED, 0L));
    }

    /** How many tickets {@link #list} can show; {@code status} null means every status. */
    public long count(long webmasterId, Requester who, TicketStatus status) {
        return visible(party(webmasterId, who), status, "SELECT COUNT(t)", "", Long.class)
                .getSingleResult();
    }

    /** A page of tickets, the newest activity first; {@code status} null means every status. */
    public List<Summary> list(long webmasterId, Requester who, TicketStatus status, int first, int max) {
        SupportParty party = party(webmasterId, who);
        List<SupportTicket> tickets = visible(
                        party, status, "SELECT t", " ORDER BY t.updatedAt DESC, t.id DESC", SupportTicket.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
                .getResultList();
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> counted = new HashMap<>();
        em.createQuery(
                        "SELECT m.ticket.id, COUNT(m) FROM SupportMessage m WHERE m.webmasterId = :w"
                                + " AND m.ticket.id IN :ids GROUP BY m.ticket.id",
                        Object[].class)
                .setParameter("w", webmasterId)
                .setParameter("ids", tickets.stream().map(SupportTicket::id).toList())
                .getResultList()
                .forEach(row -> counted.put((Long) row[0], ((Number) row[1]).longValue()));
        AuthorNames.Names names = authors.of(
                webmasterId,
                tickets.stream().map(SupportTicket::openedByUserId).toList(),
                tickets.stream().map(SupportTicket::openedByAccountId).toList());
        return tickets.stream()
                .map(t -> summary(t, names, counted.getOrDefault(t.id(), 0L)))
                .toList();
    }

    public Thread thread(long webmasterId, Requester who, long ticketId) {
        SupportParty party = party(webmasterId, who);
        return thread(party, ticket(party, ticketId, LockModeType.NONE));
    }

    /** Opens a ticket with its first message; returns it. */
    public Thread open(long webmasterId, Requester who, String subject, String body) {
        SupportParty party = party(webmasterId, who);
        Instant now = now();
        SupportTicket ticket = valid(() -> party.user() != null
                ? SupportTicket.open(party.user(), subject, body, now)
                : SupportTicket.open(party.account(), subject, body, now));
        em.persist(ticket);
        em.flush();
        return thread(party, ticket);
    }

    /** The opener's reply sets the ticket OPEN again; the staff's answer sets it ANSWERED. */
    public Thread reply(long webmasterId, Requester who, long ticketId, String body) {
        SupportParty party = party(webmasterId, who);
        SupportTicket ticket = ticket(party, ticketId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        valid(() -> party.opened(ticket)
                ? ticket.replyAsOpener(body, now)
                : ticket.replyAsStaff(party.account(), body, now));
        em.flush();
        return thread(party, ticket);
    }

    public Thread close(long webmasterId, Requester who, long ticketId) {
        SupportParty party = party(webmasterId, who);
        SupportTicket ticket = ticket(party, ticketId, LockModeType.PESSIMISTIC_WRITE);
        ticket.close(now());
        return thread(party, ticket);
    }

    public Thread reopen(long webmasterId, Requester who, long ticketId) {
        SupportParty party = party(webmasterId, who);
        SupportTicket ticket = ticket(party, ticketId, LockModeType.PESSIMISTIC_WRITE);
        ticket.reopen(now());
        return thread(party, ticket);
    }

    /** The database keeps microseconds: what the caller is shown is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private SupportParty party(long webmasterId, Requester who) {
        Objects.requireNonNull(who, "who asks");
        return who.consoleUsername() != null
                ? parties.console(webmasterId, who.consoleUsername())
                : parties.chat(webmasterId, who.chatToken());
    }

    private SupportTicket ticket(SupportParty party, long ticketId, LockModeType lock) {
        SupportTicket ticket = em.find(SupportTicket.class, ticketId);
        if (ticket == null || !party.sees(ticket)) {
            throw new NotFound("no ticket " + ticketId + " for you on this site");
        }
        if (lock != LockModeType.NONE) {
            em.lock(ticket, lock);
        }
        return ticket;
    }

    private <T> TypedQuery<T> visible(
            SupportParty party, TicketStatus status, String select, String tail, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" FROM SupportTicket t WHERE t.webmasterId = :w");
        if (!party.staff()) {
            jpql.append(
                    party.user() != null ? " AND t.openedByUserId = :opener" : " AND t.openedByAccountId = :opener");
        }
        if (status != null) {
            jpql.append(" AND t.status = :status");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(tail).toString(), type).setParameter("w", party.webmasterId());
        if (!party.staff()) {
            query.setParameter(
                    "opener",
                    party.user() != null ? party.user().id() : party.account().id());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    private Thread thread(SupportParty party, SupportTicket ticket) {
        List<SupportMessage> messages = ticket.messages();
        AuthorNames.Names names = authors.of(
                party.webmasterId(),
                messages.stream().map(SupportMessage::authorUserId).toList(),
                messages.stream().map(SupportMessage::authorAccountId).toList());
        List<Message> thread = messages.stream()
                .map(m -> new Message(
                        m.id(),
                        m.writtenByStaff() && party.user() != null
                                ? null
                                : names.of(m.authorUserId(), m.authorAccountId()),
                        m.writtenByStaff(),
                        party.wrote(m.authorUserId(), m.authorAccountId()),
                        m.createdAt(),
                        m.body()))
                .toList();
        return new Thread(summary(ticket, names(party.webmasterId(), ticket), messages.size()), thread);
    }

    private AuthorNames.Names names(long webmasterId, SupportTicket ticket) {
        return authors.of(
                webmasterId,
                ticket.openedByUserId() == null ? List.of() : List.of(ticket.openedByUserId()),
                ticket.openedByAccountId() == null ? List.of() : List.of(ticket.openedByAccountId()));
    }

    private static Summary summary(SupportTicket t, AuthorNames.Names names, long messages) {
        return new Summary(
                t.id(),
                t.subject(),
                t.status(),
                names.of(t.openedByUserId(), t.openedByAccountId()),
                names.kind(t.openedByUserId(), t.openedByAccountId()),
                t.createdAt(),
                t.updatedAt(),
                messages);
    }

    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | NullPointerException broken) {
            throw new DomainException(broken.getMessage() == null ? "a ticket field is missing" : broken.getMessage());
        }
    }
}
