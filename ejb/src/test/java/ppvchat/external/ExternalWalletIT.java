package ppvchat.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.external.control.ExternalMoves;
import ppvchat.external.entity.ExternalMove;
import ppvchat.persistence.TestDatabase;

/**
 * The book of calls to a site's server on a real Payara Micro, against H2 and MariaDB: a debit that was sent is
 * either booked here or undone there, never both, whichever comes first, a late booking or the undo.
 */
@ExtendWith(ArquillianExtension.class)
class ExternalWalletIT {

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "external-wallet-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(ExternalWalletIT.class, WalletFixtures.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    ExternalMoves moves;

    @Inject
    WalletFixtures fx;

    @Test
    void anAbandonedDebitIsUndoneAndALateBookingThenBooksNothing() {
        long site = fx.site("Undo first");
        long user = fx.user(site, "1001");
        ExternalMove sent =
                moves.intend(ExternalMove.debit(site, user, "1001", "show:1:block:1", 60, null, Instant.now()));

        moves.abandon(sent.id());
        assertEquals(0, fx.book(site, user, sent.id()), "the undo won: nothing is booked");
        assertEquals(0, fx.credits(user));
        assertEquals(
                List.of(
                        new WalletFixtures.Stored("show:1:block:1", "DEBIT", "VOID", 60, null),
                        new WalletFixtures.Stored("undo:show:1:block:1", "REFUND", "PENDING", 60, "show:1:block:1")),
                fx.moves(site));
    }

    @Test
    void aBookedDebitIsNeverUndone() {
        long site = fx.site("Booking first");
        long user = fx.user(site, "1002");
        ExternalMove sent = moves.intend(ExternalMove.debit(site, user, "1002", "tip:9:a", 25, null, Instant.now()));

        assertEquals(25, fx.book(site, user, sent.id()));
        assertEquals(0, fx.book(site, user, sent.id()), "booked once");
        moves.abandon(sent.id());
        assertEquals(25, fx.credits(user), "the debit's credits stay booked here");
        assertEquals(List.of(new WalletFixtures.Stored("tip:9:a", "DEBIT", "CONFIRMED", 25, null)), fx.moves(site));
    }

    @Test
    void writingTheSameDebitTwiceKeepsOneRow() {
        long site = fx.site("Twice");
        long user = fx.user(site, "1003");
        ExternalMove first =
                moves.intend(ExternalMove.debit(site, user, "1003", "show:2:block:1", 10, 2L, Instant.now()));
        ExternalMove again =
                moves.intend(ExternalMove.debit(site, user, "1003", "show:2:block:1", 10, 2L, Instant.now()));
        assertEquals(first.id(), again.id());
        assertEquals(1, fx.moves(site).size());
    }
}
