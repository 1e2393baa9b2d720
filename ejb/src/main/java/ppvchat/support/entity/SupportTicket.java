package ppvchat.support.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

/**
 * A conversation between the person who opened it (a performer or a moderator in the chat, or a moderator
 * or admin in the console) and the webmaster's console staff, with its whole history. OPEN waits for the
 * staff, ANSWERED for the opener; either may close it, and a closed ticket takes no replies until reopened.
 */
@Entity
@Table(name = "support_ticket")
public class SupportTicket {

    public static final int MAX_SUBJECT = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    /** Set when a chat user (performer or moderator) opened it; otherwise {@link #openedByAccountId} is. */
    @Column(name = "opened_by_user_id", updatable = false)
    private Long openedByUserId;

    @Column(name = "opened_by_account_id", updatable = false)
    private Long openedByAccountId;

    @NotBlank
    @Size(max = MAX_SUBJECT)
    private String subject;

    @NotNull
    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @NotNull
    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<SupportMessage> messages = new ArrayList<>();

    @Version
    private long version;

    protected SupportTicket() {}

    private SupportTicket(long webmasterId, Long userId, Long accountId, String subject, Instant now) {
        if (subject == null || subject.isBlank() || subject.strip().length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a subject has 1 to " + MAX_SUBJECT + " characters");
        }
        this.webmasterId = webmasterId;
        this.openedByUserId = userId;
        this.openedByAccountId = accountId;
        this.subject = subject.strip();
        this.status = TicketStatus.OPEN;
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    /** A ticket a performer or a chat moderator opens from the chat. */
    public static SupportTicket open(ChatUser staff, String subject, String body, Instant now) {
        if (staff.role() != Role.PERFORMER && staff.role() != Role.MODERATOR) {
            throw new DomainException("support tickets are for performers and moderators");
        }
        SupportTicket ticket = new SupportTicket(staff.webmasterId(), staff.id(), null, subject, now);
        ticket.messages.add(new SupportMessage(ticket, staff.id(), null, body, now));
        return ticket;
    }

    /** A ticket a moderator or an admin of the site opens in the console. */
    public static SupportTicket open(ConsoleAccount account, String subject, String body, Instant now) {
        if (account.webmasterId() == null
                || (account.role() != ConsoleRole.MODERATOR && account.role() != ConsoleRole.WEBMASTER_ADMIN)) {
            throw new DomainException("support tickets are opened by a site's moderators and admins");
        }
        SupportTicket ticket = new SupportTicket(account.webmasterId(), null, account.id(), subject, now);
        ticket.messages.add(new SupportMessage(ticket, null, account.id(), body, now));
        return ticket;
    }

    /** The opener writes again: the ticket waits for the staff. */
    public SupportMessage replyAsOpener(String body, Instant now) {
        requireNotClosed();
        SupportMessage reply = new SupportMessage(this, openedByUserId, openedByAccountId, body, now);
        status = TicketStatus.OPEN;
        return append(reply);
    }

    /** The site's console staff answer: the ticket waits for the opener. */
    public SupportMessage replyAsStaff(ConsoleAccount account, String body, Instant now) {
        requireNotClosed();
        if (account.webmasterId() != null && account.webmasterId() != webmasterId) {
            throw new DomainException("this ticket belongs to another webmaster");
        }
        if (openedBy(account)) {
            throw new DomainException("the opener's own words are a reply as the opener, not an answer");
        }
        SupportMessage reply = new SupportMessage(this, null, account.id(), body, now);
        status = TicketStatus.ANSWERED;
        return append(reply);
    }

    public void close(Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw new DomainException("ticket " + id + " is closed already");
        }
        status = TicketStatus.CLOSED;
        updatedAt = now;
    }

    /** A closed ticket taken up again: it waits for the staff. */
    public void reopen(Instant now) {
        if (status != TicketStatus.CLOSED) {
            throw new DomainException("ticket " + id + " is not closed");
        }
        status = TicketStatus.OPEN;
        updatedAt = now;
    }

    public boolean openedBy(ChatUser user) {
        return openedByUserId != null && openedByUserId.equals(user.id());
    }

    public boolean openedBy(ConsoleAccount account) {
        return openedByAccountId != null && openedByAccountId.equals(account.id());
    }

    private SupportMessage append(SupportMessage message) {
        messages.add(message);
        updatedAt = message.createdAt();
        return message;
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new DomainException("ticket " + id + " is closed: reopen it to write again");
        }
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public Long openedByUserId() {
        return openedByUserId;
    }

    public Long openedByAccountId() {
        return openedByAccountId;
    }

    public String subject() {
        return subject;
    }

    public TicketStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The last message, close or reopen. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public List<SupportMessage> messages() {
        return List.copyOf(messages);
    }
}
