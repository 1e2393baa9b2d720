package ppvchat.tips.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Permission;
import ppvchat.external.boundary.ExternalWallet;
import ppvchat.external.entity.Debit;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.LedgerEntry;
import ppvchat.payouts.entity.Earning;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/** Users tip performers, in the public room or during a private show: atomic and idempotent by key. */
@Stateless
public class Tips {

    /** Far above any real tip; keeps a typo from emptying an account. */
    public static final long MAX_TIP = 1_000_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    Ledger ledger;

    @Inject
    ExternalWallet wallet;

    @Inject
    RoomEvents events;

    @Inject
    Clock clock;

    /**
     * Moves {@code credits} from the user to the performer's earnings. The same key from the same user
     * books the tip once; a retry gets the first receipt back.
     */
    public TipReceipt tip(long webmasterId, long userId, long performerId, long credits, String idempotencyKey) {
        if (credits <= 0 || credits > MAX_TIP) {
            throw new DomainException("a tip is between 1 and " + MAX_TIP + " credits");
        }
        if (idempotencyKey == null || !idempotencyKey.matches("[\\x21-\\x7E]{1,64}")) {
            throw new DomainException("a tip needs an idempotency key of 1 to 64 printable characters");
        }
        Webmaster webmaster = webmasters.find(webmasterId);
        Performer performer = em.find(Performer.class, performerId);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        ChatUser user = ledger.lockUser(webmasterId, userId);
        String key = "tip:" + userId + ":" + idempotencyKey;
        Optional<LedgerEntry> earlier = ledger.posted(webmasterId, key);
        if (earlier.isPresent()) {
            return receipt(ledger.post(user, EntryKind.TIP, -credits, key, LedgerReference.none()), performerId);
        }
        if (user.isBannedAt(clock.instant())) {
            throw new DomainException("you are banned until " + user.bannedUntil());
        }
        if (!webmaster.permits(user.role(), Permission.TIP)) {
            throw new DomainException("your role may not tip on this site");
        }
        if (performer.user().equals(user)) {
            throw new DomainException("performers cannot tip themselves");
        }
        boolean external = ExternalWallet.keepsCredits(webmaster);
        if (external) {
            // The site's server keeps the credits: they come from there first, or there is no tip.
            Debit debit = Debit.forTip(key, user.externalId(), credits, performerId, performer.displayName());
            if (wallet.book(wallet.send(webmaster, user, debit), user, LedgerReference.none()) == 0) {
                throw new DomainException(
                        "the site's server did not confirm the tip in time: nothing was charged;" + " try again");
            }
        }
        Earning earning = Earning.tip(webmaster, performer, user, credits, clock.instant());
        em.persist(earning);
        em.flush();
        if (external) {
            wallet.reportTip(webmaster, user, earning, performerId, performer.displayName());
        }
        LedgerEntry entry = ledger.post(user, EntryKind.TIP, -credits, key, LedgerReference.tip(earning.id()));
        events.publish(new RoomEvent.TipSent(webmasterId, performerId, userId, credits, earning.id()));
        return receipt(entry, performerId);
    }

    private static TipReceipt receipt(LedgerEntry entry, long performerId) {
        return new TipReceipt(entry.tipId(), performerId, -entry.credits(), entry.balanceAfter());
    }
}
