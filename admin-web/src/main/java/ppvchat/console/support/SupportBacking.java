package ppvchat.console.support;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.platform.entity.DomainException;
import ppvchat.support.boundary.Requester;
import ppvchat.support.boundary.SupportDesk;
import ppvchat.support.entity.TicketStatus;

/**
 * The Support page: the site's tickets (an admin sees them all, a moderator the ones they opened) by status,
 * newest activity first, read a page at a time; one ticket's thread with a reply box, close and reopen; and a
 * form that opens a new ticket. The address carries the status filter ({@code status}) and the ticket
 * ({@code ticket}), so both can be bookmarked and reloaded.
 */
@Named
@ViewScoped
public class SupportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SupportBacking.class.getName());
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    CurrentAccount account;

    @Inject
    transient SupportDesk desk;

    private String status = "";
    private Long ticket;
    private SupportDesk.Thread thread;
    private SupportDesk.Counts counts;
    private String reply;
    private String subject;
    private String body;

    private final LazyDataModel<SupportDesk.Summary> tickets = new Paged<>(
            () -> desk.count(account.webmasterId(), me(), filter()),
            (first, size) -> desk.list(account.webmasterId(), me(), filter(), first, size),
            SupportDesk.Summary::id);

    /** Reads the counts and the ticket named in the address, if any; one the account may not see is not found. */
    public void open() {
        counts = desk.counts(account.webmasterId(), me());
        thread = null;
        if (ticket == null) {
            return;
        }
        try {
            thread = desk.thread(account.webmasterId(), me(), ticket);
        } catch (DomainException notHere) {
            ConsoleMessages.error("No such ticket for you on this site.");
        }
    }

    public void reply() {
        if (thread == null) {
            return;
        }
        if (change(() -> desk.reply(account.webmasterId(), me(), thread.ticket().id(), reply), "Reply sent.")) {
            reply = null;
        }
    }

    public void close() {
        if (thread != null) {
            change(() -> desk.close(account.webmasterId(), me(), thread.ticket().id()), "Ticket closed.");
        }
    }

    public void reopen() {
        if (thread != null) {
            change(
                    () -> desk.reopen(
                            account.webmasterId(), me(), thread.ticket().id()),
                    "Ticket reopened.");
        }
    }

    /** Opens a ticket and shows it. */
    public String openTicket() {
        try {
            long id = desk.open(account.webmasterId(), me(), subject, body)
                    .ticket()
                    .id();
            LOG.info(() -> "console account " + account.getUsername() + " opened support ticket " + id);
            ConsoleMessages.info("Ticket opened.");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "support?faces-redirect=true&ticket=" + id;
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return null;
        }
    }

    private boolean change(Runnable change, String done) {
        try {
            change.run();
            long id = thread.ticket().id();
            LOG.info(() -> "console account " + account.getUsername() + ": " + done + " (ticket " + id + ")");
            ConsoleMessages.info(done);
            return true;
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return false;
        } finally {
            open();
        }
    }

    private Requester me() {
        return Requester.console(account.getUsername());
    }

    private TicketStatus filter() {
        for (TicketStatus known : TicketStatus.values()) {
            if (known.name().equals(status)) {
                return known;
            }
        }
        return null;
    }

    /** The time as the page shows it. */
    public String at(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public boolean isAdmin() {
        String role = account.getRole();
        return "WEBMASTER_ADMIN".equals(role) || "PLATFORM_ADMIN".equals(role);
    }

    public LazyDataModel<SupportDesk.Summary> getTickets() {
        return tickets;
    }

    public SupportDesk.Thread getThread() {
        return thread;
    }

    public boolean isClosed() {
        return thread != null && thread.ticket().status() == TicketStatus.CLOSED;
    }

    public SupportDesk.Counts getCounts() {
        return counts;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null ? "" : status;
    }

    public Long getTicket() {
        return ticket;
    }

    public void setTicket(Long ticket) {
        this.ticket = ticket;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
