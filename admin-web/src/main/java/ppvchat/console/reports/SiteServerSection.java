package ppvchat.console.reports;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ppvchat.console.ConsoleMessages;
import ppvchat.external.boundary.ExternalBooks;
import ppvchat.external.entity.MoveStatus;
import ppvchat.platform.entity.DomainException;

/**
 * The Reports page's "Your site's server" section, for a site in external mode: the chat's calls to the site's
 * server by status, and its books compared with that server's for a period (the last seven days unless changed).
 * A server that does not answer is a line above the page, not an error page.
 */
public class SiteServerSection implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many calls stand at one status, with what that status means. */
    public record Calls(String status, String meaning, long count) {}

    private LocalDate first;
    private LocalDate last;
    private ExternalBooks.Comparison comparison;
    private List<Calls> calls = List.of();

    SiteServerSection(LocalDate today) {
        this.first = today.minusDays(6);
        this.last = today;
    }

    void countCalls(ExternalBooks books, long siteId) {
        Map<MoveStatus, Long> counts = books.moves(siteId);
        calls = counts.entrySet().stream()
                .map(count -> new Calls(count.getKey().name(), meaning(count.getKey()), count.getValue()))
                .toList();
    }

    void compare(ExternalBooks books, long siteId) {
        try {
            comparison = books.compare(siteId, first, last);
            ConsoleMessages.info(
                    comparison.clean()
                            ? "Your site's server agrees with the chat for these days."
                            : "Your site's server and the chat disagree: see the differences below.");
        } catch (DomainException refused) {
            comparison = null;
            ConsoleMessages.refused(refused);
        }
        countCalls(books, siteId);
    }

    private static String meaning(MoveStatus status) {
        return switch (status) {
            case PENDING -> "still being delivered";
            case CONFIRMED -> "applied by your server";
            case REFUSED -> "refused by your server for good";
            case VOID -> "debits undone (never booked here)";
        };
    }

    public ExternalBooks.Comparison getComparison() {
        return comparison;
    }

    public List<Calls> getCalls() {
        return calls;
    }

    public LocalDate getFirst() {
        return first;
    }

    public void setFirst(LocalDate first) {
        this.first = first;
    }

    public LocalDate getLast() {
        return last;
    }

    public void setLast(LocalDate last) {
        this.last = last;
    }
}
