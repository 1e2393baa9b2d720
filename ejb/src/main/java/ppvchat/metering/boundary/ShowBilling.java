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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.metering.control.CreditMeter;
import ppvchat.metering.control.MeterReading;
import ppvchat.metering.control.MeteredShow;
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
 * Hold-then-settle billing of private shows. Starting a show reserves a block of the user's credits;
 * the meter counts seconds in memory; billed seconds are checkpointed every few seconds; the show is
 * settled exactly once, from its meter or, after a crash, from its last checkpoint. Lock order is
 * always show, then user.
 */
@Stateless
public class ShowBilling {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

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
    Clock clock;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Holds the first block for an accepted show; metering starts when the caller's transaction commits. */
    public void start(Webmaster webmaster, PrivateShow show, ChatUser lockedUser, Instant now) {
        BillingPolicy policy = webmaster.billing();
        int rate = show.ratePerMinute();
        long needed = Math.max(
                1, Math.max(policy.minBalanceToStart(), policy.rounding().creditsFor(1, rate)));
        if (lockedUser.available() < needed) {
            throw new InsufficientCredits(needed, lockedUser.available());
        }
        long block = Math.min(
                lockedUser.available(),
                policy.rounding().creditsFor(settings.holdSeconds(), rate) + policy.minBalanceToStay());
        lockedUser.hold(block);
        show.holdMore(block);
        CreditMeter meter = new CreditMeter(
                show.id(),
                lockedUser.id(),
                rate,
                policy,
                settings.extendBelowSeconds(),
                now,
                block,
                lockedUser.available(),
                0);
        afterCompletion.onCommit(() -> meters.add(new MeteredShow(webmaster.id(), show.performerId(), meter)));
    }

    /**
     * Reserves the next block for a running show, as much as the user has available up to a block.
     * Returns whether anything more was held.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean extend(long showId) {
        Optional<MeteredShow> metered = meters.get(showId);
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (metered.isEmpty() || show == null || show.status() != ShowStatus.RUNNING) {
            return false;
        }
        CreditMeter meter = metered.get().meter();
        ChatUser user = ledger.lockUser(show.webmasterId(), show.userId());
        long more = Math.min(user.available(), meter.creditsFor(settings.holdSeconds()));
        if (more <= 0) {
            afterCompletion.onCommit(() -> meter.spare(0));
            return false;
        }
        user.hold(more);
        show.holdMore(more);
        long spareAfter = user.available();
        afterCompletion.onCommit(() -> meter.holdMore(more, spareAfter));
        return true;
    }

    /** Settles in its own transaction: for the tick, recovery and shutdown. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<RoomEvent.ShowEnded> settleNow(long showId, EndReason reason) {
        return settle(showId, reason);
    }

    /**
     * Ends a running show and charges it once: the meter's billed seconds, or the last checkpoint when
     * no meter exists (after a crash). Releases the hold, posts the charge, writes the earning. A show
     * already ended is left as it is.
     */
    public Optional<RoomEvent.ShowEnded> settle(long showId, EndReason reason) {
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show == null) {
            throw new NotFound("no show " + showId);
        }
        if (show.status() == ShowStatus.ENDED) {
            return Optional.empty();
        }
        if (show.status() != ShowStatus.RUNNING && show.status() != ShowStatus.ACCEPTED) {
            throw new DomainException("show " + showId + " is " + show.status() + " and has nothing to settle");
        }
        Instant now = clock.instant();
        Webmaster webmaster = em.find(Webmaster.class, show.webmasterId());
        Optional<MeteredShow> metered = meters.remove(showId);
        metered.ifPresent(m -> afterCompletion.onRollback(() -> meters.add(m)));
        long billed;
        long owed;
        if (metered.isPresent()) {
            MeterReading reading = metered.get().meter().readAt(now);
            billed = reading.billedSeconds();
            owed = reading.creditsOwed();
        } else {
            billed = show.billedSeconds();
            owed = webmaster.billing().rounding().creditsFor(billed, show.ratePerMinute());
        }
        owed = Math.min(owed, show.heldCredits());

        ChatUser user = ledger.lockUser(show.webmasterId(), show.userId());
        user.release(show.heldCredits());
        if (owed > 0) {
            ledger.post(user, EntryKind.SHOW_CHARGE, -owed, "show:" + showId, LedgerReference.show(showId));
        }
        show.end(reason, now, billed, owed);
        if (owed > 0) {
            em.persist(Earning.liveshow(webmaster, em.find(Performer.class, show.performerId()), show));
        }
        rooms.room(show.performerId()).ifPresent(room -> afterCompletion.onCommit(() -> room.endPrivate(showId)));
        var ended = new RoomEvent.ShowEnded(
                show.webmasterId(), show.performerId(), showId, show.userId(), reason, billed, owed);
        events.publish(ended);
        return Optional.of(ended);
    }

    /**
     * Writes billed seconds of many running shows in one batch. A show that ended meanwhile, or whose
     * stored value is already further, is left alone.
     */
    public int checkpoint(Map<Long, Long> billedByShow, Instant now) {
        if (billedByShow.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE private_show SET billed_seconds = ?, checkpointed_at = ?"
                                + " WHERE id = ? AND status = 'RUNNING' AND billed_seconds <= ?")) {
            LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            for (Map.Entry<Long, Long> show : billedByShow.entrySet()) {
                update.setLong(1, show.getValue());
                update.setObject(2, at);
                update.setLong(3, show.getKey());
                update.setLong(4, show.getValue());
                update.addBatch();
            }
            update.executeBatch();
            return billedByShow.size();
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint of " + billedByShow.size() + " shows failed", e);
        }
    }

    /** The benchmark's naive baseline: one show, one write, one transaction, every second. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int checkpointAlone(long showId, long billedSeconds, Instant now) {
        return checkpoint(Map.of(showId, billedSeconds), now);
    }
}
