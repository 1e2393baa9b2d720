package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;
import ppvchat.tenancy.entity.IntegrationMode;
import ppvchat.tenancy.entity.Webmaster;

/**
 * A site's settings as the console edits them: where the money goes, what credits are worth, the
 * performers' prices and share, the billing policy, the chat's language, the time zone its days (reports,
 * payout periods) follow, and the chat's origins, words and CSS.
 * Saved whole or not at all: one bad field saves nothing and says which rule it broke. The caller names
 * the site it is signed in for; nothing here takes a site from the form.
 */
@Stateless
public class SiteSettings {

    /** The settings on the wire between the console and this boundary; lists are one item per line. */
    public record Settings(
            String name,
            String currency,
            String paypalEmail,
            String paypalMerchantId,
            BigDecimal creditValue,
            BigDecimal defaultPercentage,
            int minPricePerMinute,
            int maxPricePerMinute,
            int graceSeconds,
            long minBalanceToStart,
            long minBalanceToStay,
            String lowBalanceWarnings,
            String rounding,
            String language,
            String timeZone,
            String allowedOrigins,
            String badWords,
            String chatCss,
            String wallCss) {}

    @PersistenceContext
    EntityManager em;

    public Settings of(long webmasterId) {
        Webmaster site = site(webmasterId, LockModeType.NONE);
        BillingPolicy billing = site.billing();
        return new Settings(
                site.name(),
                site.currency(),
                site.paypalEmail(),
                site.paypalMerchantId(),
                site.creditValue(),
                site.defaultPercentage(),
                site.minPricePerMinute(),
                site.maxPricePerMinute(),
                billing.graceSeconds(),
                billing.minBalanceToStart(),
                billing.minBalanceToStay(),
                String.join(
                        ",",
                        billing.warningSecondsLeft().stream()
                                .map(String::valueOf)
                                .toList()),
                billing.rounding().name(),
                site.language(),
                site.timeZone().getId(),
                String.join("\n", site.allowedOrigins()),
                String.join("\n", site.badWords()),
                site.chatCss(),
                site.wallCss());
    }

    public void save(long webmasterId, Settings settings) {
        Webmaster site = site(webmasterId, LockModeType.PESSIMISTIC_WRITE);
        try {
            site.receivePaymentsAt(settings.paypalEmail());
            site.receivePaymentsAsMerchant(settings.paypalMerchantId());
            site.valueCreditsAt(settings.creditValue());
            site.changeDefaultPercentage(required(settings.defaultPercentage(), "the performers' percentage"));
            site.limitRates(settings.minPricePerMinute(), settings.maxPricePerMinute());
            site.changeBilling(new BillingPolicy(
                    settings.graceSeconds(),
                    settings.minBalanceToStart(),
                    settings.minBalanceToStay(),
                    seconds(settings.lowBalanceWarnings()),
                    rounding(settings.rounding())));
            site.speak(settings.language());
            site.liveIn(settings.timeZone());
            site.allowOrigins(lines(settings.allowedOrigins()));
            site.maskWords(lines(settings.badWords()));
            site.styleWith(settings.chatCss(), settings.wallCss());
        } catch (IllegalArgumentException | NullPointerException broken) {
            // Rolled back whole: a DomainException is an application exception that rolls back.
            throw new DomainException(broken.getMessage() == null ? "a setting is missing" : broken.getMessage());
        }
    }

    /** The roles the site's own server may sign users in as (auto-login); ADMIN and PERFORMER never. */
    public Set<Role> hostLoginRoles(long webmasterId) {
        return site(webmasterId, LockModeType.NONE).hostLoginRoles();
    }

    public void allowHostLoginAs(long webmasterId, Set<Role> roles) {
        site(webmasterId, LockModeType.PESSIMISTIC_WRITE).allowHostLoginAs(roles);
    }

    /** Where the site's users' credits live: here ({@code EMBED}) or on the site's server at {@code baseUrl}. */
    public record Integration(String mode, String baseUrl) {

        public boolean external() {
            return IntegrationMode.EXTERNAL.name().equals(mode);
        }
    }

    public Integration integration(long webmasterId) {
        Webmaster site = site(webmasterId, LockModeType.NONE);
        return new Integration(site.mode().name(), site.externalBaseUrl());
    }

    /**
     * Keeps the site's credits here ({@code EMBED}), or on its own server at {@code baseUrl} ({@code EXTERNAL}):
     * an address over https, http only on this machine for trials.
     */
    public void integrate(long webmasterId, String mode, String baseUrl) {
        Webmaster site = site(webmasterId, LockModeType.PESSIMISTIC_WRITE);
        if (!site.mode().name().equals(mode) && runningShows(webmasterId) > 0) {
            // A show holds its credits on one side and gives back the rest there: it may not end on the other.
            throw new DomainException(
                    "private shows are running on this site: change where the credits live when" + " none is running");
        }
        if (IntegrationMode.EMBED.name().equals(mode)) {
            site.integrateEmbedded();
        } else if (IntegrationMode.EXTERNAL.name().equals(mode)) {
            site.integrateExternally(address(baseUrl));
        } else {
            throw new DomainException(
                    "choose where the credits live: here (embed mode) or on your site's server" + " (external mode)");
        }
    }

    long runningShows(long webmasterId) {
        return em.createQuery(
                        "SELECT COUNT(s) FROM PrivateShow s WHERE s.webmasterId = :w"
                                + " AND s.status = ppvchat.rooms.entity.ShowStatus.RUNNING",
                        Long.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
    }

    private static URI address(String baseUrl) {
        String typed = baseUrl == null ? "" : baseUrl.strip();
        if (typed.isEmpty()) {
            throw new DomainException(
                    "external mode needs your server's address, e.g. https://www.example.com/ppv-api");
        }
        if (typed.length() > 500 || typed.chars().anyMatch(Character::isWhitespace)) {
            throw new DomainException("your server's address is one word of at most 500 characters");
        }
        try {
            URI address = new URI(typed);
            if (address.isAbsolute() && address.getHost() != null) {
                return address;
            }
        } catch (URISyntaxException notAnAddress) {
            // said below
        }
        throw new DomainException(
                "\"" + typed + "\" is not a server address; write it whole, e.g." + " https://www.example.com/ppv-api");
    }

    private Webmaster site(long webmasterId, LockModeType lock) {
        Webmaster site = em.find(Webmaster.class, webmasterId, lock);
        if (site == null) {
            throw new NotFound("no site " + webmasterId);
        }
        return site;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static List<Integer> seconds(String list) {
        if (list == null || !list.strip().matches("\\d{1,5}(\\s*,\\s*\\d{1,5}){0,9}")) {
            throw new IllegalArgumentException("warnings are up to ten numbers of seconds left, e.g. 60,30,10");
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    private static CreditRounding rounding(String rounding) {
        try {
            return CreditRounding.valueOf(String.valueOf(rounding));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rounding is UP, DOWN or HALF_UP");
        }
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }
}
