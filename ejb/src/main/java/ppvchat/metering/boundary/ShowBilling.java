package ppvchat.metering.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.external.boundary.ExternalWallet;
import ppvchat.external.entity.Debit;
import ppvchat.external.entity.ExternalMove;
import ppvchat.ledger.control.CreditsElsewhere;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.metering.control.CreditMeter;
import ppvchat.metering.control.MeteredShow;
import ppvchat.metering.control.MeteringNode;
import ppvchat.metering.control.MeteringSettings;
import ppvchat.metering.control.Meters;
import ppvchat.payouts.entity.Earning;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.control.SchemaMigration;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Hold-then-settle billing of private shows. Starting a show reserves a block of the user's credits and
 * records the facts its billing follows from (start, grace, seconds covered, node); the meter counts
 * seconds in memory; the show is settled exactly once, from its meter or, when its node died, up to that
 * node's last heartbeat. Lock order is always show, then user.
 */
@Stateless
public class ShowBilling {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    ExternalWallet wallet;

    @Inject
    CreditsElsewhere elsewhere;

    @Inject
    Meters meters;

    @Inject
    LiveRooms rooms;

    @Inject
    RoomEvents events;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    MeteringSettings settings;

    @Inject
    MeteringNode node;

    @Inject
    Clock clock;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /**
     * Starts billing an accepted show on this node: locks the grace period and rounding rule, holds the first
     * block; metering starts when the caller's transaction commits.
     */
    public void start(Webmaster webmaster, PrivateShow show, ChatUser lockedUser, Instant now) {
        node.requireStartingShows();
        BillingPolicy policy = webmaster.billing();
        int rate = show.ratePerMinute();
        long needed = Math.max(
                1, Math.max(policy.minBalanceToStart(), policy.rounding().creditsFor(1, rate)));
        long block;
        if (ExternalWallet.keepsCredits(webmaster)) {
            // The first block comes from the site's server, at least what a start needs; nothing starts unless
            // the site's server confirms it. Only what it debited is held: what the show does not use of it goes
            // back at its end, and credits the user may have here stay theirs.
            long firstBlock = Math.max(
                    needed, policy.rounding().creditsFor(settings.holdSeconds(), rate) + policy.minBalanceToStay());
            long number = wallet.debitsOfShow(webmaster.id(), show.id()) + 1;
            block = wallet.book(
                    wallet.send(webmaster, lockedUser, blockOf(show, lockedUser, number, firstBlock)),
                    lockedUser,
                    LedgerReference.show(show.id()));
            if (block == 0) {
                throw new DomainException("the site's server did not confirm the show in time: ask again");
            }
        } else {
            if (lockedUser.available() < needed) {
                throw new InsufficientCredits(needed, lockedUser.available());
            }
            block = Math.min(
                    lockedUser.available(),
                    policy.rounding().creditsFor(settings.holdSeconds(), rate) + policy.minBalanceToStay());
        }
        show.start(now, node.name(), policy);
        lockedUser.hold(block);
        CreditMeter meter = new CreditMeter(
                show.id(),
                lockedUser.id(),
                rate,
                policy,
                settings.extendBelowSeconds(),
                now,
                block,
                lockedUser.available() + elsewhere.of(lockedUser.id()),
                0);
        show.holdMore(block, meter.coveredSeconds());
        ledger.announce(lockedUser);
        afterCompletion.onCommit(() -> meters.add(new MeteredShow(webmaster.id(), show.performerId(), meter)));
    }

    /**
     * Reserves the next block for a running show, as much as the user has available up to a block.
     * Returns whether anything more was held.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean extend(long showId) {
        Optional<MeteredShow> metered = meters.get(showId);
        if (metered.isEmpty()) {
            return false;
        }
        CreditMeter meter = metered.get().meter();
        Webmaster webmaster = em.find(Webmaster.class, metered.get().webmasterId());
        Optional<ExternalMove> sent = Optional.empty();
        // A show paid from the site's server goes on being paid from there, whatever the site's mode now.
        if (wallet.paidFromSiteServer(webmaster.id(), showId)) {
            // Sent before anything is locked: a slow site server holds up no one else.
            PrivateShow unlocked = em.find(PrivateShow.class, showId);
            ChatUser payer = em.find(ChatUser.class, unlocked.userId());
            long number = wallet.debitsOfShow(webmaster.id(), showId) + 1;
            sent = wallet.trySend(
                    webmaster, payer, blockOf(unlocked, payer, number, meter.creditsFor(settings.holdSeconds())));
            if (sent.isEmpty()) {
                afterCompletion.onCommit(() -> meter.spare(0));
                return false;
            }
        }
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show == null || show.status() != ShowStatus.RUNNING) {
            return false; // a block sent meanwhile is never booked, and is undone
        }
        ChatUser user = ledger.lockUser(show.webmasterId(), show.userId());
        long more;
        if (sent.isPresent()) {
            more = wallet.book(sent.get(), user, LedgerReference.show(showId)); // only what was debited for it
            if (more == 0) {
                afterCompletion.onCommit(() -> meter.spare(0));
                return false;
            }
        } else {
            more = Math.min(user.available(), meter.creditsFor(settings.holdSeconds()));
        }
        if (more <= 0) {
            afterCompletion.onCommit(() -> meter.spare(0));
            return false;
        }
        user.hold(more);
        show.holdMore(more, meter.secondsCoveredBy(show.heldCredits() + more));
        long spareAfter = user.available() + elsewhere.of(user.id());
        ledger.announce(user);
        afterCompletion.onCommit(() -> meters.holdMore(metered.get(), more, spareAfter));
        return true;
    }

    /** Settles now, in its own transaction: for the tick and the deadlines. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<RoomEvent.ShowEnded> settleNow(long showId, EndReason reason) {
        return settle(showId, reason, clock.instant());
    }

    /**
     * Settles as of {@code at}, in its own transaction: a clean stop bills every show to the instant it
     * began, and a dead node's shows are billed to its last heartbeat, however long the settling takes.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<RoomEvent.ShowEnded> settleAsOf(long showId, EndReason reason, Instant at) {
        return settle(showId, reason, at);
    }

    /**
     * Settles many shows as of {@code at} in one transaction: one commit for all of them, which is what a
     * stop or a recovery of thousands of shows waits on. All or none: a caller whose batch fails settles
     * its shows one by one. Returns how many were running and are now settled.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int settleAllAsOf(List<Long> showIds, EndReason reason, Instant at) {
        int settled = 0;
        for (long showId : showIds) {
            if (settle(showId, reason, at).isPresent()) {
                settled++;
            }
        }
        return settled;
    }

    /** Settles now, in the caller's transaction. */
    public Optional<RoomEvent.ShowEnded> settle(long showId, EndReason reason) {
        return settle(showId, reason, clock.instant());
    }

    /**
     * Ends a running show as of {@code at} and charges it once: billed seconds from its meter, or, when this
     * JVM has no meter for it (its node died), from the facts stored with the show. Releases the hold,
     * posts the charge, writes the earning. A show already ended is left as it is.
     */
    private Optional<RoomEvent.ShowEnded> settle(long showId, EndReason reason, Instant at) {
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show == null) {
            throw new NotFound("no show " + showId);
        }
        Optional<MeteredShow> metered = meters.remove(showId);
        metered.ifPresent(m -> afterCompletion.onRollback(() -> meters.add(m)));
        if (show.status() == ShowStatus.ENDED) {
            return Optional.empty();
        }
        if (show.status() != ShowStatus.RUNNING) {
            throw new DomainException("show " + showId + " is " + show.status() + " and has nothing to settle");
        }
        long billed = metered.map(m -> m.meter().billableAt(at)).orElseGet(() -> show.billableSecondsAt(at));
        long owed = Math.min(show.rounding().creditsFor(billed, show.ratePerMinute()), show.heldCredits());

        ChatUser user = ledger.lockUser(show.webmasterId(), show.userId());
        long held = show.heldCredits();
        user.release(held);
        if (owed > 0) {
            ledger.post(user, EntryKind.SHOW_CHARGE, -owed, "show:" + showId, LedgerReference.show(showId));
        } else {
            ledger.announce(user);
        }
        show.end(reason, at, billed, owed);
        Webmaster webmaster = em.find(Webmaster.class, show.webmasterId());
        Performer performer = em.find(Performer.class, show.performerId());
        Earning earning = null;
        if (owed > 0) {
            earning = Earning.liveshow(webmaster, performer, show);
            em.persist(earning);
        }
        if (wallet.paidFromSiteServer(webmaster.id(), showId)) {
            wallet.settleShow(webmaster, show, user, held, owed, earning, performer.displayName());
        }
        rooms.room(show.performerId()).ifPresent(room -> afterCompletion.onCommit(() -> room.endPrivate(showId)));
        var ended = new RoomEvent.ShowEnded(
                show.webmasterId(), show.performerId(), showId, show.userId(), reason, billed, owed);
        events.publish(ended);
        return Optional.of(ended);
    }

    private Debit blockOf(PrivateShow show, ChatUser user, long block, long credits) {
        Performer performer = em.find(Performer.class, show.performerId());
        return Debit.forShow(
                "show:" + show.id() + ":block:" + block,
                user.externalId(),
                credits,
                show.id(),
                show.performerId(),
                performer.displayName());
    }

    /** The benchmark's naive baseline: one show, one write, one transaction, every second. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int checkpointAlone(long showId, long billedSeconds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE private_show SET billed_seconds = ? WHERE id = ? AND status = 'RUNNING'")) {
            update.setLong(1, billedSeconds);
            update.setLong(2, showId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("naive write of show " + showId + " failed", e);
        }
    }
}
