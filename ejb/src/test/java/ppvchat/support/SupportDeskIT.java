package ppvchat.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.boundary.Dashboard;
import ppvchat.support.boundary.Requester;
import ppvchat.support.boundary.SupportDesk;
import ppvchat.support.entity.SupportMessage;
import ppvchat.support.entity.TicketStatus;

/**
 * The support desk on a real Payara Micro, against H2 and MariaDB: a ticket's life between a performer and a
 * site's admin, who sees which ticket, another site's tickets out of reach, and text refused or kept as typed.
 */
@ExtendWith(ArquillianExtension.class)
class SupportDeskIT {

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "support-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(SupportDeskIT.class, SupportFixtures.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    SupportDesk desk;

    @Inject
    SupportFixtures fx;

    @Inject
    Dashboard dashboard;

    @Test
    void aTicketBetweenAPerformerAndTheAdminFromOpenToClosedAndBack() {
        long site = fx.site("Support flow");
        Requester luna = Requester.chat(fx.token(site, "flow-luna", Role.PERFORMER));
        Requester admin = Requester.console(fx.console(site, "flow-admin", ConsoleRole.WEBMASTER_ADMIN));
        assertEquals(0, openTickets(site));

        long id = desk.open(site, luna, "Payout missing", "Where is my payout?")
                .ticket()
                .id();
        assertEquals(TicketStatus.OPEN, desk.thread(site, admin, id).ticket().status());
        assertEquals(1, openTickets(site), "the dashboard counts it");

        assertEquals(
                TicketStatus.ANSWERED,
                desk.reply(site, admin, id, "Sent today.").ticket().status());
        assertEquals(1, openTickets(site), "answered is still open");
        assertEquals(
                TicketStatus.OPEN,
                desk.reply(site, luna, id, "Still nothing.").ticket().status());

        SupportDesk.Thread seenByAdmin = desk.thread(site, admin, id);
        assertEquals(
                List.of("Where is my payout?", "Sent today.", "Still nothing."),
                seenByAdmin.messages().stream().map(SupportDesk.Message::body).toList());
        assertEquals(
                List.of("flow-luna", "flow-admin", "flow-luna"),
                seenByAdmin.messages().stream().map(SupportDesk.Message::author).toList());
        assertEquals(
                List.of(false, true, false),
                seenByAdmin.messages().stream().map(SupportDesk.Message::staff).toList());
        assertEquals(
                List.of(false, true, false),
                seenByAdmin.messages().stream().map(SupportDesk.Message::mine).toList());
        assertEquals("flow-luna", seenByAdmin.ticket().openedBy());
        assertEquals("performer", seenByAdmin.ticket().opener());
        assertEquals(3, seenByAdmin.ticket().messages());
        for (int i = 1; i < 3; i++) {
            assertFalse(seenByAdmin
                    .messages()
                    .get(i)
                    .at()
                    .isBefore(seenByAdmin.messages().get(i - 1).at()));
        }
        SupportDesk.Thread seenByLuna = desk.thread(site, luna, id);
        assertNull(seenByLuna.messages().get(1).author(), "staff names stay in the console");
        assertEquals(
                List.of(true, false, true),
                seenByLuna.messages().stream().map(SupportDesk.Message::mine).toList());

        assertEquals(TicketStatus.CLOSED, desk.close(site, admin, id).ticket().status());
        assertEquals(0, openTickets(site), "closed is not counted");
        assertThrows(DomainException.class, () -> desk.reply(site, luna, id, "Hello?"));
        assertThrows(DomainException.class, () -> desk.close(site, admin, id), "closed once");
        assertEquals(new SupportFixtures.Stored("CLOSED", 3, "Still nothing."), fx.stored(id));

        assertEquals(TicketStatus.OPEN, desk.reopen(site, admin, id).ticket().status());
        assertEquals(1, openTickets(site));
        assertEquals(new SupportDesk.Counts(1, 0, 0), desk.counts(site, admin));
        assertEquals(new SupportDesk.Counts(1, 0, 0), desk.counts(site, luna));
    }

    @Test
    void listsShowTheNewestActivityFirstWithCountsAndFilters() {
        long site = fx.site("Support lists");
        Requester theo = Requester.chat(fx.token(site, "list-theo", Role.PERFORMER));
        Requester admin = Requester.console(fx.console(site, "list-admin", ConsoleRole.WEBMASTER_ADMIN));
        long older = desk.open(site, theo, "First", "one").ticket().id();
        long newer = desk.open(site, theo, "Second", "two").ticket().id();
        long closed = desk.open(site, theo, "Third", "three").ticket().id();
        desk.close(site, admin, closed);
        desk.reply(site, admin, older, "answer");

        List<SupportDesk.Summary> all = desk.list(site, admin, null, 0, 10);
        assertEquals(
                List.of(older, closed, newer),
                all.stream().map(SupportDesk.Summary::id).toList());
        assertEquals(
                List.of(2L, 1L, 1L),
                all.stream().map(SupportDesk.Summary::messages).toList());
        assertEquals(
                List.of(newer),
                desk.list(site, admin, TicketStatus.OPEN, 0, 10).stream()
                        .map(SupportDesk.Summary::id)
                        .toList());
        assertEquals(1, desk.count(site, admin, TicketStatus.CLOSED));
        assertEquals(3, desk.count(site, theo, null));
        assertEquals(new SupportDesk.Counts(1, 1, 1), desk.counts(site, theo));
        assertEquals(
                List.of(closed),
                desk.list(site, admin, null, 1, 1).stream()
                        .map(SupportDesk.Summary::id)
                        .toList(),
                "paged");
        assertEquals(2, openTickets(site), "the dashboard counts open and answered tickets");
    }

    @Test
    void aPerformerSeesOnlyTheTicketsTheyOpened() {
        long site = fx.site("Support privacy");
        Requester luna = Requester.chat(fx.token(site, "own-luna", Role.PERFORMER));
        Requester mara = Requester.chat(fx.token(site, "own-mara", Role.PERFORMER));
        long lunas = desk.open(site, luna, "Mine", "private").ticket().id();

        assertThrows(NotFound.class, () -> desk.thread(site, mara, lunas));
        assertThrows(NotFound.class, () -> desk.reply(site, mara, lunas, "let me in"));
        assertThrows(NotFound.class, () -> desk.close(site, mara, lunas));
        assertEquals(0, desk.count(site, mara, null));
        assertTrue(desk.list(site, mara, null, 0, 10).isEmpty());
        assertEquals(new SupportFixtures.Stored("OPEN", 1, "private"), fx.stored(lunas));

        Requester fan = Requester.chat(fx.token(site, "own-fan", Role.USER));
        assertThrows(Forbidden.class, () -> desk.open(site, fan, "Hi", "Hello"));
        assertThrows(Forbidden.class, () -> desk.list(site, fan, null, 0, 10));
        assertThrows(NotSignedIn.class, () -> desk.list(site, Requester.chat(null), null, 0, 10));
        assertThrows(NotSignedIn.class, () -> desk.list(site, Requester.chat("forged"), null, 0, 10));
        assertEquals(1, fx.tickets(site));
    }

    @Test
    void aConsoleModeratorOpensATicketThatTheAdminsAnswer() {
        long site = fx.site("Support moderators");
        Requester moderator = Requester.console(fx.console(site, "mod-one", ConsoleRole.MODERATOR));
        Requester otherModerator = Requester.console(fx.console(site, "mod-two", ConsoleRole.MODERATOR));
        Requester admin = Requester.console(fx.console(site, "mod-admin", ConsoleRole.WEBMASTER_ADMIN));
        Requester accountant = Requester.console(fx.console(site, "mod-accountant", ConsoleRole.ACCOUNTANT));
        long luna = desk.open(site, Requester.chat(fx.token(site, "mod-luna", Role.PERFORMER)), "Payout", "when?")
                .ticket()
                .id();

        SupportDesk.Thread opened = desk.open(site, moderator, "Spam wave", "Room 3 is flooded");
        long id = opened.ticket().id();
        assertEquals("moderator", opened.ticket().opener());
        assertTrue(opened.messages().get(0).mine());
        assertEquals(
                TicketStatus.ANSWERED,
                desk.reply(site, admin, id, "Banned them.").ticket().status());
        assertEquals(
                TicketStatus.OPEN,
                desk.reply(site, moderator, id, "Thanks").ticket().status());
        assertEquals(2, openTickets(site));

        assertEquals(
                List.of(id),
                desk.list(site, moderator, null, 0, 10).stream()
                        .map(SupportDesk.Summary::id)
                        .toList(),
                "a moderator sees the tickets they opened, not the performers'");
        assertThrows(NotFound.class, () -> desk.thread(site, moderator, luna));
        assertThrows(NotFound.class, () -> desk.thread(site, otherModerator, id));
        assertThrows(Forbidden.class, () -> desk.list(site, accountant, null, 0, 10));
        assertEquals(2, desk.count(site, admin, null), "the admins see every ticket");
    }

    @Test
    void anotherSitesTicketIsNotFoundAndNothingChanges() {
        long siteA = fx.site("Support A");
        long siteB = fx.site("Support B");
        Requester adminA = Requester.console(fx.console(siteA, "iso-admin-a", ConsoleRole.WEBMASTER_ADMIN));
        Requester moderatorA = Requester.console(fx.console(siteA, "iso-mod-a", ConsoleRole.MODERATOR));
        Requester lunaA = Requester.chat(fx.token(siteA, "iso-luna-a", Role.PERFORMER));
        Requester lunaB = Requester.chat(fx.token(siteB, "iso-luna-b", Role.PERFORMER));
        long ticketB = desk.open(siteB, lunaB, "On B", "B's business").ticket().id();

        for (Requester fromA : List.of(adminA, moderatorA, lunaA)) {
            assertThrows(NotFound.class, () -> desk.thread(siteA, fromA, ticketB));
            assertThrows(NotFound.class, () -> desk.reply(siteA, fromA, ticketB, "hijack"));
            assertThrows(NotFound.class, () -> desk.close(siteA, fromA, ticketB));
            assertThrows(NotFound.class, () -> desk.reopen(siteA, fromA, ticketB));
            assertTrue(desk.list(siteA, fromA, null, 0, 100).stream().noneMatch(t -> t.id() == ticketB));
        }
        assertThrows(Forbidden.class, () -> desk.thread(siteB, adminA, ticketB), "A's account on B's site");
        assertThrows(Forbidden.class, () -> desk.close(siteB, adminA, ticketB));
        assertThrows(NotSignedIn.class, () -> desk.thread(siteB, lunaA, ticketB), "A's token on B's site");
        assertEquals(new SupportFixtures.Stored("OPEN", 1, "B's business"), fx.stored(ticketB));
        assertEquals(0, openTickets(siteA));
        assertEquals(1, openTickets(siteB));
    }

    @Test
    void emptyOrOversizeTextIsRefusedAndNothingIsSaved() {
        long site = fx.site("Support input");
        Requester luna = Requester.chat(fx.token(site, "in-luna", Role.PERFORMER));
        Requester admin = Requester.console(fx.console(site, "in-admin", ConsoleRole.WEBMASTER_ADMIN));
        String tooLong = "x".repeat(SupportMessage.MAX_LENGTH + 1);

        refused(() -> desk.open(site, luna, "", "body"), "subject");
        refused(() -> desk.open(site, luna, "   ", "body"), "subject");
        refused(() -> desk.open(site, luna, null, "body"), "subject");
        refused(() -> desk.open(site, luna, "y".repeat(201), "body"), "subject");
        refused(() -> desk.open(site, luna, "Subject", " \n "), "message");
        refused(() -> desk.open(site, luna, "Subject", null), "message");
        refused(() -> desk.open(site, luna, "Subject", tooLong), "message");
        refused(() -> desk.open(site, admin, "Subject", ""), "message");
        assertEquals(0, fx.tickets(site));

        long id = desk.open(site, luna, "y".repeat(200), "x".repeat(SupportMessage.MAX_LENGTH))
                .ticket()
                .id();
        desk.reply(site, admin, id, "answer");
        refused(() -> desk.reply(site, luna, id, ""), "message");
        refused(() -> desk.reply(site, admin, id, tooLong), "message");
        assertEquals(new SupportFixtures.Stored("ANSWERED", 2, "answer"), fx.stored(id), "no message, same status");
    }

    @Test
    void scriptIsKeptExactlyAsTyped() {
        long site = fx.site("Support text");
        Requester luna = Requester.chat(fx.token(site, "txt-luna", Role.PERFORMER));
        Requester admin = Requester.console(fx.console(site, "txt-admin", ConsoleRole.WEBMASTER_ADMIN));
        String script = "<script>alert('x')</script> & \"quotes\"\n  second line ünïcødé";

        long id = desk.open(site, luna, "<b>bold</b> & <i>", script).ticket().id();
        desk.reply(site, admin, id, "<img src=x onerror=alert(1)>");

        SupportDesk.Thread thread = desk.thread(site, admin, id);
        assertEquals("<b>bold</b> & <i>", thread.ticket().subject());
        assertEquals(script, thread.messages().get(0).body());
        assertEquals("<img src=x onerror=alert(1)>", fx.stored(id).lastBody());
    }

    private long openTickets(long site) {
        return dashboard.today(site).openTickets();
    }

    private static void refused(Runnable call, String mentions) {
        DomainException refused = assertThrows(DomainException.class, call::run);
        assertTrue(refused.getMessage().contains(mentions), refused.getMessage());
    }
}
