package ppvchat.support.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One message in a ticket's thread, written either by a chat user or by a console account. */
@Entity
@Table(name = "support_message")
public class SupportMessage {

    public static final int MAX_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id", updatable = false)
    private SupportTicket ticket;

    @Column(name = "author_user_id", updatable = false)
    private Long authorUserId;

    @Column(name = "author_account_id", updatable = false)
    private Long authorAccountId;

    @NotBlank
    @Size(max = MAX_LENGTH)
    @Column(updatable = false)
    private String body;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected SupportMessage() {}

    SupportMessage(SupportTicket ticket, Long authorUserId, Long authorAccountId, String body, Instant now) {
        if ((authorUserId == null) == (authorAccountId == null)) {
            throw new IllegalArgumentException("a message has exactly one author");
        }
        if (body == null || body.isBlank() || body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a message has 1 to " + MAX_LENGTH + " characters");
        }
        this.webmasterId = ticket.webmasterId();
        this.ticket = ticket;
        this.authorUserId = authorUserId;
        this.authorAccountId = authorAccountId;
        this.body = body;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public boolean writtenByStaff() {
        return authorAccountId != null;
    }

    public Long authorUserId() {
        return authorUserId;
    }

    public Long authorAccountId() {
        return authorAccountId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
