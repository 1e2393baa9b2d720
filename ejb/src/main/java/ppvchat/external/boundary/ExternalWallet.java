package ppvchat.external.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.external.control.ExternalCallFailed;
import ppvchat.external.control.ExternalMoves;
import ppvchat.external.control.ExternalRefusal;
import ppvchat.external.control.InsufficientExternalCredits;
import ppvchat.external.control.SiteServers;
import ppvchat.external.entity.Debit;
import ppvchat.external.entity.ExternalMove;
import ppvchat.external.entity.MoveKind;
import ppvchat.external.entity.MoveStatus;
import ppvchat.external.entity.ShowReport;
import ppvchat.external.entity.TipReport;
import ppvchat.ledger.control.CreditsElsewhere;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.payouts.entity.Earning;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.entity.DomainException;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.tenancy.entity.IntegrationMode;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Credits kept on a site's own server (external mode), as the chat spends them. A show's hold blocks and a
 * tip are debited there first, then booked here as {@link EntryKind#EXT_DEBIT} so that the ledger's rules hold
 * unchanged; what a show's blocks did not use is booked out ({@link EntryKind#EXT_RETURN}) and refunded, and
 * every finished show and tip is reported. Refunds and reports are owed in the settlement's own transaction
 * and delivered by {@link ExternalDelivery} until the site's server confirms.
 */
@Stateless
public class ExternalWallet {

    private static final Logger LOG = Logger.getLogger(ExternalWallet.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    SiteServers servers;

    @Inject
    ExternalMoves moves;

    @Inject
    Ledger ledger;

    @Inject
    CreditsElsewhere elsewhere;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Clock clock;

    public static boolean keepsCredits(Webmaster site) {
        return site.mode() == IntegrationMode.EXTERNAL;
    }

    /** What the user can spend: their credits on the site's server and any here. */
    public long spendable(Webmaster site, ChatUser user) {
        return creditsThere(site, user) + user.available();
    }

    /** The user's credits on the site's server, as it answers now. */
    public long creditsThere(Webmaster site, ChatUser user) {
        try {
            long there = servers.of(site).balance(user.externalId()).credits();
            elsewhere.tell(user.id(), there);
            return there;
        } catch (ExternalRefusal refused) {
            throw new DomainException(
                    refused.notFound()
                            ? "the site's server does not know you: sign in again"
                            : "the site's server refused to tell your balance: " + refused.reason());
        } catch (ExternalCallFailed down) {
            throw unreachable();
        }
    }

    /**
     * Debits the site's server, before anything here is locked: the debit is written first (so that it can be
     * undone if it is never booked), then sent. Answers the written debit, to {@link #book} in the caller's
     * transaction. Too few credits there, or a refusal, is final; a server that does not answer ends here too,
     * and its debit, if it was applied after all, is undone a minute later.
     */
    public ExternalMove send(Webmaster site, ChatUser user, Debit debit) {
        ExternalMove intent = intend(site, user, debit);
        for (int attempt = 2; intent.status() == MoveStatus.REFUSED || intent.status() == MoveStatus.VOID; attempt++) {
            // That key was refused or undone for good: a new request (after a top-up, say) needs a key of its own.
            debit = new Debit(
                    debit.key().replaceFirst("#\\d+$", "") + "#" + attempt,
                    debit.userId(),
                    debit.credits(),
                    debit.reason(),
                    debit.showId(),
                    debit.performerId(),
                    debit.performerName());
            intent = intend(site, user, debit);
        }
        if (intent.status() != MoveStatus.PENDING) {
            return intent;
        }
        try {
            elsewhere.tell(user.id(), servers.of(site).debit(debit).balance());
            return intent;
        } catch (InsufficientExternalCredits few) {
            moves.refuse(intent.id(), few.reason());
            throw new InsufficientCredits(debit.credits(), few.balance());
        } catch (ExternalRefusal refused) {
            moves.refuse(intent.id(), refused.reason());
            throw new DomainException("the site's server refused: " + refused.reason());
        } catch (ExternalCallFailed down) {
            String key = debit.key();
            LOG.warning(() -> "site " + site.id() + ": debit " + key + " not confirmed (" + down.getMessage()
                    + "); it is undone if it was applied");
            throw unreachable();
        }
    }

    private ExternalMove intend(Webmaster site, ChatUser user, Debit debit) {
        return moves.intend(ExternalMove.debit(
                site.id(),
                user.id(),
                user.externalId(),
                debit.key(),
                debit.credits(),
                debit.showId(),
                clock.instant()));
    }

    /**
     * As {@link #send}, for a caller whose transaction must go on when the site's server says no (a show asking
     * for its next block): empty instead of a refusal, with the reason logged.
     */
    public Optional<ExternalMove> trySend(Webmaster site, ChatUser user, Debit debit) {
        try {
            return Optional.of(send(site, user, debit));
        } catch (DomainException refused) {
            LOG.info(() -> "site " + site.id() + ": " + debit.key() + " not debited: " + refused.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Books a sent debit here, in the caller's transaction, for the user the caller has locked. Answers the
     * credits booked now: none when it was booked already (by a concurrent caller), or abandoned and undone
     * meanwhile (the row lock orders this against {@link ExternalDelivery}'s undo).
     */
    public long book(ExternalMove sent, ChatUser lockedUser, LedgerReference about) {
        ExternalMove debit = em.find(ExternalMove.class, sent.id(), LockModeType.PESSIMISTIC_WRITE);
        if (debit == null || debit.status() != MoveStatus.PENDING) {
            return 0;
        }
        debit.confirm(clock.instant());
        ledger.post(lockedUser, EntryKind.EXT_DEBIT, debit.credits(), "ext-debit:" + debit.key(), about);
        return debit.credits();
    }

    /** Whether a show was paid from its site's server: it then goes on, and ends, that way. */
    public boolean paidFromSiteServer(long webmasterId, long showId) {
        return !em.createNamedQuery(ExternalMove.CONFIRMED_DEBITS_OF_SHOW, ExternalMove.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("showId", showId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** How many debits a show has asked for so far: the next block's key follows from it. */
    public long debitsOfShow(long webmasterId, long showId) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM ExternalMove m WHERE m.webmasterId = :w AND m.showId = :s"
                                + " AND m.kind = ppvchat.external.entity.MoveKind.DEBIT",
                        Long.class)
                .setParameter("w", webmasterId)
                .setParameter("s", showId)
                .getSingleResult();
    }

    /**
     * At a show's end, in its settlement's transaction: books out what its blocks did not use and owes the site's
     * server a refund of it (from the last block back), and the show's report.
     */
    public void settleShow(
            Webmaster site,
            PrivateShow show,
            ChatUser lockedUser,
            long held,
            long owed,
            Earning earning,
            String performer) {
        Instant now = clock.instant();
        long unused = held - owed;
        if (unused > 0) {
            long userId = lockedUser.id();
            afterCompletion.onCommit(() -> elsewhere.add(userId, unused));
            ledger.post(
                    lockedUser,
                    EntryKind.EXT_RETURN,
                    -unused,
                    "ext-return:show:" + show.id(),
                    LedgerReference.show(show.id()));
            List<ExternalMove> debits = em.createNamedQuery(ExternalMove.CONFIRMED_DEBITS_OF_SHOW, ExternalMove.class)
                    .setParameter("webmasterId", site.id())
                    .setParameter("showId", show.id())
                    .getResultList();
            long left = unused;
            for (int i = debits.size() - 1; i >= 0 && left > 0; i--) {
                ExternalMove debit = debits.get(i);
                long back = Math.min(left, debit.credits());
                em.persist(ExternalMove.refund(
                        site.id(),
                        lockedUser.id(),
                        lockedUser.externalId(),
                        "refund:" + debit.key(),
                        debit.key(),
                        back,
                        show.id(),
                        now));
                left -= back;
            }
            if (left > 0) {
                throw new IllegalStateException("show " + show.id() + " held " + left + " credits no debit paid for");
            }
        }
        ShowReport report = ShowReport.of(
                show.id(),
                lockedUser.externalId(),
                show.performerId(),
                performer,
                show.startedAt(),
                show.endedAt(),
                show.billedSeconds(),
                owed,
                earning == null ? BigDecimal.ZERO : earning.price(),
                earning == null ? BigDecimal.ZERO : earning.performerBenefit(),
                show.endReason().name());
        em.persist(ExternalMove.report(
                site.id(),
                lockedUser.id(),
                lockedUser.externalId(),
                report.key(),
                MoveKind.SHOW_REPORT,
                owed,
                show.id(),
                JSON.toJson(report),
                now));
    }

    /** Owes the site's server the report of a tip, in the tip's transaction. */
    public void reportTip(Webmaster site, ChatUser user, Earning tip, long performerId, String performer) {
        TipReport report = TipReport.of(
                tip.id(),
                user.externalId(),
                performerId,
                performer,
                tip.credits(),
                tip.price(),
                tip.performerBenefit(),
                tip.date());
        em.persist(ExternalMove.report(
                site.id(),
                user.id(),
                user.externalId(),
                report.key(),
                MoveKind.TIP_REPORT,
                tip.credits(),
                null,
                JSON.toJson(report),
                clock.instant()));
    }

    private static DomainException unreachable() {
        return new DomainException("the site's server does not answer: nothing was charged; try again in a moment");
    }
}
