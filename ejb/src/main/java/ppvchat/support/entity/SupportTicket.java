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
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

/** A conversation between a performer or moderator and the webmaster's console staff, with its history. */
@Entity
@Table(name = "support_ticket")
public class SupportTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "opened_by_user_id", nullable = false, updatable = false)
    private long openedByUserId;

    @NotBlank
    @Size(max = 200)
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

    private SupportTicket(ChatUser staff, String subject, Instant now) {
        if (staff.role() != Role.PERFORMER && staff.role() != Role.MODERATOR) {
            throw new DomainException("support tickets are for performers and moderators");
        }
        if (subject == null || subject.isBlank() || subject.strip().length() > 200) {
            throw new IllegalArgumentException("a subject has 1 to 200 characters");
        }
        this.webmasterId = staff.webmasterId();
        this.openedByUserId = staff.id();
        this.subject = subject.strip();
        this.status = TicketStatus.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static SupportTicket open(ChatUser staff, String subject, String body, Instant now) {
        SupportTicket ticket = new SupportTicket(staff, subject, now);
        ticket.messages.add(new SupportMessage(ticket, staff.id(), null, body, now));
        return ticket;
    }

    public SupportMessage replyAsOpener(String body, Instant now) {
        requireOpen();
        SupportMessage reply = new SupportMessage(this, openedByUserId, null, body, now);
        status = TicketStatus.OPEN;
        return append(reply);
    }

    public SupportMessage replyAsStaff(ConsoleAccount account, String body, Instant now) {
        requireOpen();
        if (account.webmasterId() != null && account.webmasterId() != webmasterId) {
            throw new DomainException("this ticket belongs to another webmaster");
        }
        SupportMessage reply = new SupportMessage(this, null, account.id(), body, now);
        status = TicketStatus.ANSWERED;
        return append(reply);
    }

    public void close(Instant now) {
        status = TicketStatus.CLOSED;
        updatedAt = now;
    }

    private SupportMessage append(SupportMessage message) {
        messages.add(message);
        updatedAt = message.createdAt();
        return message;
    }

    private void requireOpen() {
        if (status == TicketStatus.CLOSED) {
            throw new DomainException("ticket " + id + " is closed");
        }
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long openedByUserId() {
        return openedByUserId;
    }

    public String subject() {
        return subject;
    }

    public TicketStatus status() {
        return status;
    }

    public List<SupportMessage> messages() {
        return List.copyOf(messages);
    }
}
