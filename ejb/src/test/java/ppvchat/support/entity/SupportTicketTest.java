package ppvchat.support.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

class SupportTicketTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HASH = "PBKDF2WithHmacSHA256:3072:c2FsdA==:aGFzaA==";
    private static final long WEBMASTER = 300_000L;

    private static ChatUser performer() {
        return TestEntities.user(WEBMASTER, 10, Role.PERFORMER);
    }

    private static ConsoleAccount staff(Long webmasterId, ConsoleRole role, long id) {
        return TestEntities.withId(new ConsoleAccount(webmasterId, "staff" + id, HASH, role, NOW), id);
    }

    private static SupportTicket ticket() {
        return SupportTicket.open(performer(), " Payout missing ", "Where is my payout?", NOW);
    }

    @Test
    void performerOpensATicketWithAFirstMessage() {
        SupportTicket ticket = ticket();

        assertEquals(WEBMASTER, ticket.webmasterId());
        assertEquals(10L, ticket.openedByUserId());
        assertNull(ticket.openedByAccountId());
        assertEquals("Payout missing", ticket.subject());
        assertEquals(TicketStatus.OPEN, ticket.status());
        List<SupportMessage> messages = ticket.messages();
        assertEquals(1, messages.size());
        assertEquals("Where is my payout?", messages.get(0).body());
        assertEquals(10L, messages.get(0).authorUserId());
        assertNull(messages.get(0).authorAccountId());
        assertFalse(messages.get(0).writtenByStaff());
        assertEquals(NOW, messages.get(0).createdAt());
    }

    @Test
    void moderatorsMayOpenTickets() {
        ChatUser moderator = TestEntities.user(WEBMASTER, 11, Role.MODERATOR);

        assertEquals(
                TicketStatus.OPEN,
                SupportTicket.open(moderator, "Spam", "Room 3", NOW).status());
    }

    @Test
    void othersMayNotOpenTickets() {
        for (Role role : List.of(Role.USER, Role.GUEST, Role.ADMIN)) {
            ChatUser user = TestEntities.user(WEBMASTER, 12, role);
            assertThrows(DomainException.class, () -> SupportTicket.open(user, "Hi", "Hello", NOW), role.name());
        }
    }

    @Test
    void subjectAndBodyAreRequiredAndBounded() {
        ChatUser performer = performer();

        assertThrows(IllegalArgumentException.class, () -> SupportTicket.open(performer, " ", "body", NOW));
        assertThrows(IllegalArgumentException.class, () -> SupportTicket.open(performer, "x".repeat(201), "b", NOW));
        assertThrows(IllegalArgumentException.class, () -> SupportTicket.open(performer, "s", " ", NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> SupportTicket.open(performer, "s", "x".repeat(SupportMessage.MAX_LENGTH + 1), NOW));
        assertEquals(
                SupportMessage.MAX_LENGTH,
                SupportTicket.open(performer, "x".repeat(200), "x".repeat(SupportMessage.MAX_LENGTH), NOW)
                        .messages()
                        .get(0)
                        .body()
                        .length());
    }

    @Test
    void staffReplyAnswersAndOpenerReplyReopens() {
        SupportTicket ticket = ticket();
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);

        SupportMessage answer = ticket.replyAsStaff(admin, "Sent today.", NOW.plusSeconds(60));
        assertEquals(TicketStatus.ANSWERED, ticket.status());
        assertTrue(answer.writtenByStaff());
        assertEquals(77L, answer.authorAccountId());
        assertNull(answer.authorUserId());

        SupportMessage followUp = ticket.replyAsOpener("Still nothing.", NOW.plusSeconds(120));
        assertEquals(TicketStatus.OPEN, ticket.status());
        assertFalse(followUp.writtenByStaff());
        assertEquals(10L, followUp.authorUserId());
    }

    @Test
    void messagesAreKeptInOrder() {
        SupportTicket ticket = ticket();
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);

        ticket.replyAsStaff(admin, "second", NOW.plusSeconds(1));
        ticket.replyAsOpener("third", NOW.plusSeconds(2));
        ticket.replyAsStaff(admin, "fourth", NOW.plusSeconds(3));

        assertEquals(
                List.of("Where is my payout?", "second", "third", "fourth"),
                ticket.messages().stream().map(SupportMessage::body).toList());
        assertEquals(
                List.of(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2), NOW.plusSeconds(3)),
                ticket.messages().stream().map(SupportMessage::createdAt).toList());
    }

    @Test
    void messagesViewIsACopy() {
        SupportTicket ticket = ticket();

        assertThrows(
                UnsupportedOperationException.class, () -> ticket.messages().clear());
        assertEquals(1, ticket.messages().size());
    }

    @Test
    void closedTicketRejectsReplies() {
        SupportTicket ticket = ticket();
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);

        ticket.close(NOW.plusSeconds(10));

        assertEquals(TicketStatus.CLOSED, ticket.status());
        assertThrows(DomainException.class, () -> ticket.replyAsOpener("hello?", NOW.plusSeconds(20)));
        assertThrows(DomainException.class, () -> ticket.replyAsStaff(admin, "hi", NOW.plusSeconds(20)));
        assertEquals(TicketStatus.CLOSED, ticket.status());
        assertEquals(1, ticket.messages().size());
    }

    @Test
    void staffOfAnotherWebmasterIsRejected() {
        SupportTicket ticket = ticket();
        ConsoleAccount stranger = staff(WEBMASTER + 1, ConsoleRole.WEBMASTER_ADMIN, 78);

        assertThrows(DomainException.class, () -> ticket.replyAsStaff(stranger, "hi", NOW));
        assertEquals(TicketStatus.OPEN, ticket.status());
        assertEquals(1, ticket.messages().size());
    }

    @Test
    void platformAdminMayReplyToAnyWebmastersTicket() {
        SupportTicket ticket = ticket();
        ConsoleAccount root = staff(null, ConsoleRole.PLATFORM_ADMIN, 1);

        ticket.replyAsStaff(root, "On it.", NOW);

        assertEquals(TicketStatus.ANSWERED, ticket.status());
        assertEquals(2, ticket.messages().size());
    }

    @Test
    void anEmptyReplyAddsNoMessage() {
        SupportTicket ticket = ticket();
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);

        assertThrows(IllegalArgumentException.class, () -> ticket.replyAsStaff(admin, "  ", NOW));
        assertThrows(IllegalArgumentException.class, () -> ticket.replyAsOpener("", NOW));
        assertEquals(1, ticket.messages().size());
    }

    @Test
    void aRejectedReplyDoesNotChangeTheStatus() {
        SupportTicket ticket = ticket();
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);

        assertThrows(IllegalArgumentException.class, () -> ticket.replyAsStaff(admin, "  ", NOW));
        assertEquals(TicketStatus.OPEN, ticket.status());

        ticket.replyAsStaff(admin, "Answer", NOW);
        assertThrows(IllegalArgumentException.class, () -> ticket.replyAsOpener("", NOW));
        assertEquals(TicketStatus.ANSWERED, ticket.status());
    }

    @Test
    void aConsoleModeratorOpensAndRepliesAsTheOpener() {
        ConsoleAccount moderator = staff(WEBMASTER, ConsoleRole.MODERATOR, 55);
        ConsoleAccount admin = staff(WEBMASTER, ConsoleRole.WEBMASTER_ADMIN, 77);
        SupportTicket ticket = SupportTicket.open(moderator, "Spam wave", "Room 3 is flooded", NOW);

        assertEquals(WEBMASTER, ticket.webmasterId());
        assertNull(ticket.openedByUserId());
        assertEquals(55L, ticket.openedByAccountId());
        assertTrue(ticket.openedBy(moderator));
        assertFalse(ticket.openedBy(admin));
        assertTrue(ticket.messages().get(0).writtenByStaff());

        ticket.replyAsStaff(admin, "Banned them.", NOW.plusSeconds(1));
        assertEquals(TicketStatus.ANSWERED, ticket.status());
        SupportMessage thanks = ticket.replyAsOpener("Thanks", NOW.plusSeconds(2));
        assertEquals(TicketStatus.OPEN, ticket.status());
        assertEquals(55L, thanks.authorAccountId());
        assertThrows(DomainException.class, () -> ticket.replyAsStaff(moderator, "self-answer", NOW));
        assertEquals(3, ticket.messages().size());
    }

    @Test
    void accountantsAndPlatformAdminsOpenNoTickets() {
        assertThrows(
                DomainException.class,
                () -> SupportTicket.open(staff(WEBMASTER, ConsoleRole.ACCOUNTANT, 56), "s", "b", NOW));
        assertThrows(
                DomainException.class,
                () -> SupportTicket.open(staff(null, ConsoleRole.PLATFORM_ADMIN, 1), "s", "b", NOW));
    }

    @Test
    void closeAndReopen() {
        SupportTicket ticket = ticket();

        assertThrows(DomainException.class, () -> ticket.reopen(NOW), "an open ticket is not reopened");
        ticket.close(NOW.plusSeconds(5));
        assertThrows(DomainException.class, () -> ticket.close(NOW.plusSeconds(6)), "closed once");
        ticket.reopen(NOW.plusSeconds(7));

        assertEquals(TicketStatus.OPEN, ticket.status());
        assertEquals(NOW.plusSeconds(7), ticket.updatedAt());
        ticket.replyAsOpener("again", NOW.plusSeconds(8));
        assertEquals(2, ticket.messages().size());
    }
}
