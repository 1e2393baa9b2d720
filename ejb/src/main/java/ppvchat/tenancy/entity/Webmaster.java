package ppvchat.tenancy.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

/**
 * A tenant: one webmaster's site, with its money settings, billing policy, permissions and integration.
 * Every other row in the system belongs to exactly one webmaster.
 */
@Entity
@Table(name = "webmaster")
@NamedQuery(name = Webmaster.ALL, query = "SELECT w FROM Webmaster w ORDER BY w.id")
public class Webmaster {

    public static final String ALL = "Webmaster.all";
    /** Money amounts on earnings, statements and packages carry two decimals. */
    public static final int MONEY_SCALE = 2;
    /** Languages the browser client has message tables for. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    public static final int MAX_CSS = 20_000;

    /**
     * Roles a site's own server may sign users in as. Never ADMIN: a stolen API secret must not make
     * admins. Not PERFORMER: performers sign in on the performer page, where their profile and earnings are.
     */
    public static final Set<Role> HOST_LOGIN_ROLES = EnumSet.of(Role.GUEST, Role.USER, Role.MODERATOR);

    private static final int MAX_SHOWN_ORIGIN = 100;
    /** Masked words a site may list; each pattern is compiled once per distinct list. */
    public static final int MAX_BAD_WORDS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "integration_mode", length = 10)
    private IntegrationMode mode;

    @Email
    @Size(max = 254)
    @Column(name = "paypal_email")
    private String paypalEmail;

    /** PayPal's id of the site's account: used as the payee instead of the email when set. */
    @Pattern(regexp = "[A-Z0-9]{8,20}")
    @Column(name = "paypal_merchant_id")
    private String paypalMerchantId;

    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    private String currency;

    /** The money value of one credit, in {@link #currency}. */
    @NotNull
    @Positive
    @Digits(integer = 6, fraction = 6)
    @Column(name = "credit_value")
    private BigDecimal creditValue;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    @Column(name = "default_percentage")
    private BigDecimal defaultPercentage;

    @Positive
    @Column(name = "min_price_per_minute")
    private int minPricePerMinute;

    @Positive
    @Column(name = "max_price_per_minute")
    private int maxPricePerMinute;

    @Valid
    @NotNull
    @Embedded
    private BillingPolicy billing;

    /** Origins (scheme://host[:port]) allowed to open the chat, one per line. */
    @Column(name = "allowed_origins")
    private String allowedOrigins;

    /**
     * The HMAC key shared with the webmaster's server, sealed (see tenancy.control.SecretBox); never sent to a
     * browser, never logged. Null until an admin creates one.
     */
    @Size(min = 32, max = 255)
    @Column(name = "api_secret")
    private String apiSecret;

    @Column(name = "api_secret_rotated_at")
    private Instant apiSecretRotatedAt;

    /** When the platform took the site offline; null while it runs. */
    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Size(max = 500)
    @Pattern(regexp = "https?://\\S+")
    @Column(name = "external_base_url")
    private String externalBaseUrl;

    /** The roles of {@link #HOST_LOGIN_ROLES} this site's server may sign users in as, space separated. */
    @NotNull
    @Size(max = 60)
    @Column(name = "host_login_roles", length = 60)
    private String hostLoginRoles = Role.USER.name();

    /** Words the chat masks, one per line; matched whole and ignoring case. */
    @Column(name = "bad_words")
    private String badWords;

    @Column(name = "chat_css")
    private String chatCss;

    @Column(name = "wall_css")
    private String wallCss;

    /** The language the chat speaks when the visitor's browser asks for none it knows. */
    @NotNull
    @Pattern(regexp = "en|de")
    private String language = "en";

    /** The site's time zone: payout periods and their calendar are in it. */
    @NotNull
    @Column(name = "time_zone", length = 64)
    private String timeZone = "UTC";

    @NotNull
    @Embedded
    private PayoutCalendar payoutCalendar = PayoutCalendar.off();

    @NotNull
    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "webmasterid"))
    private Set<RoleGrant> grants = new HashSet<>();

    @Version
    private long version;

    protected Webmaster() {}

    /** A site with its (sealed) API secret already chosen. */
    public Webmaster(String name, String currency, BigDecimal creditValue, String apiSecret, Instant createdAt) {
        this(name, currency, creditValue, createdAt);
        this.apiSecret = Objects.requireNonNull(apiSecret);
        this.apiSecretRotatedAt = createdAt;
    }

    /** A new site without an API secret: embedding needs none; an admin creates one for server calls. */
    public Webmaster(String name, String currency, BigDecimal creditValue, Instant createdAt) {
        this.name = requireText(name, "name");
        if (this.name.length() > 100) {
            throw new IllegalArgumentException("a site's name has at most 100 characters");
        }
        this.currency = currencyOf(currency);
        this.creditValue = validCreditValue(creditValue);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.mode = IntegrationMode.EMBED;
        this.defaultPercentage = new BigDecimal("50.00");
        this.minPricePerMinute = 1;
        this.maxPricePerMinute = 1000;
        this.billing = BillingPolicy.standard();
        grantDefaults();
    }

    private void grantDefaults() {
        for (Role role : List.of(Role.ADMIN, Role.MODERATOR)) {
            EnumSet.allOf(Permission.class).forEach(p -> grant(role, p));
        }
        grant(Role.PERFORMER, Permission.PUBLIC_CHAT);
        grant(Role.PERFORMER, Permission.KICK);
        grant(Role.USER, Permission.PUBLIC_CHAT);
        grant(Role.USER, Permission.TIP);
        grant(Role.USER, Permission.REQUEST_PRIVATE);
    }

    public void grant(Role role, Permission permission) {
        grants.add(new RoleGrant(role, permission));
    }

    public void revoke(Role role, Permission permission) {
        grants.remove(new RoleGrant(role, permission));
    }

    public boolean permits(Role role, Permission permission) {
        return grants.stream().anyMatch(g -> g.role() == role && g.permission() == permission);
    }

    /** The money value of some credits, rounded half-up to cents. */
    public BigDecimal priceOf(long credits) {
        return creditValue.multiply(BigDecimal.valueOf(credits)).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    public boolean acceptsRate(int pricePerMinute) {
        return pricePerMinute >= minPricePerMinute && pricePerMinute <= maxPricePerMinute;
    }

    public void limitRates(int minPerMinute, int maxPerMinute) {
        if (minPerMinute <= 0 || maxPerMinute < minPerMinute) {
            throw new IllegalArgumentException("rates need 0 < min <= max");
        }
        this.minPricePerMinute = minPerMinute;
        this.maxPricePerMinute = maxPerMinute;
    }

    public void changeDefaultPercentage(BigDecimal percentage) {
        this.defaultPercentage = Percentages.validated(percentage);
    }

    public void changeBilling(BillingPolicy policy) {
        this.billing = Objects.requireNonNull(policy);
    }

    /** The site's PayPal email; blank means none. */
    public void receivePaymentsAt(String paypalEmail) {
        String email = paypalEmail == null || paypalEmail.isBlank() ? null : paypalEmail.strip();
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new IllegalArgumentException("a PayPal email looks like name@example.com, got " + paypalEmail);
        }
        this.paypalEmail = email;
    }

    /** What one credit is worth in the site's currency (up to six decimals), for payouts and reports. */
    public void valueCreditsAt(BigDecimal value) {
        this.creditValue = validCreditValue(value);
    }

    /** More than nothing, and what DECIMAL(12,6) holds. */
    private static BigDecimal validCreditValue(BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.scale() > 6 || value.precision() - value.scale() > 6) {
            throw new IllegalArgumentException("a credit is worth more than nothing, with at most six decimals");
        }
        return value;
    }

    public void receivePaymentsAsMerchant(String merchantId) {
        merchantId = merchantId == null || merchantId.isBlank() ? null : merchantId.strip();
        if (merchantId != null && !merchantId.matches("[A-Z0-9]{8,20}")) {
            throw new IllegalArgumentException("a PayPal merchant id is 8 to 20 capital letters and digits");
        }
        this.paypalMerchantId = merchantId;
    }

    /** The PayPal account the site's money goes to: its merchant id, else its email; empty if not set up. */
    public Optional<String> paypalPayee() {
        if (paypalMerchantId != null) {
            return Optional.of(paypalMerchantId);
        }
        return Optional.ofNullable(paypalEmail).filter(email -> !email.isBlank());
    }

    public void integrateEmbedded() {
        this.mode = IntegrationMode.EMBED;
        this.externalBaseUrl = null;
    }

    public void integrateExternally(URI baseUrl) {
        boolean loopback = baseUrl.getHost() != null
                && List.of("localhost", "127.0.0.1", "[::1]")
                        .contains(baseUrl.getHost().toLowerCase());
        if (!"https".equals(baseUrl.getScheme()) && !("http".equals(baseUrl.getScheme()) && loopback)) {
            throw new DomainException("the site's server must be reached over https (http only on this machine, for"
                    + " trials), e.g. https://www.example.com/ppv-api");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawUserInfo() != null) {
            throw new DomainException("the site's server address may not carry a query or a password");
        }
        this.mode = IntegrationMode.EXTERNAL;
        this.externalBaseUrl = baseUrl.toString();
    }

    /** Exact match against the configured origins; nothing is allowed while none are configured. */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins().contains(origin.strip().toLowerCase());
    }

    public List<String> allowedOrigins() {
        if (allowedOrigins == null || allowedOrigins.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedOrigins.split("\\s+"))
                .map(o -> o.strip().toLowerCase())
                .filter(o -> !o.isEmpty())
                .toList();
    }

    public void allowOrigins(List<String> origins) {
        for (String origin : origins) {
            if (!isOrigin(origin.strip())) {
                throw new IllegalArgumentException(
                        "an origin is http(s)://host[:port] with nothing after it, got " + origin.strip());
            }
        }
        this.allowedOrigins =
                String.join("\n", origins.stream().map(String::strip).toList());
    }

    /** What a page on an origin the site does not allow is told: the same sentence for script, API and socket. */
    public static String originRefusal(String origin) {
        String shown = origin == null || origin.isBlank()
                ? "a page that sent no origin"
                : "pages at "
                        + origin.strip().substring(0, Math.min(origin.strip().length(), MAX_SHOWN_ORIGIN));
        return "this site does not allow chat from " + shown
                + ": the webmaster adds the page's origin to \"Allowed origins\" in the console's Settings";
    }

    public Set<Role> hostLoginRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : hostLoginRoles.split("\\s+")) {
            if (!role.isEmpty()) {
                roles.add(Role.valueOf(role));
            }
        }
        return roles;
    }

    public boolean allowsHostLoginAs(Role role) {
        return hostLoginRoles().contains(role);
    }

    /** The roles the site's server may sign users in as; an empty set turns sign-in from the host off. */
    public void allowHostLoginAs(Set<Role> roles) {
        for (Role role : roles) {
            if (!HOST_LOGIN_ROLES.contains(role)) {
                throw new DomainException("a site's own server may sign users in as "
                        + HOST_LOGIN_ROLES.stream()
                                .map(r -> r.name().toLowerCase())
                                .toList()
                        + " only, not as " + role.name().toLowerCase());
            }
        }
        this.hostLoginRoles = String.join(
                " ", roles.stream().sorted().distinct().map(Role::name).toList());
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Replaces the list of masked words; each is one word of letters, digits, '-' or '\'', listed once, at
     * most {@link #MAX_BAD_WORDS}.
     */
    public void maskWords(List<String> words) {
        Set<String> cleaned = new LinkedHashSet<>();
        for (String word : words) {
            String stripped = word.strip().toLowerCase();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!stripped.matches("[\\p{L}\\p{N}'-]{1,40}")) {
                throw new IllegalArgumentException("a masked word is one word of up to 40 letters, got " + word);
            }
            cleaned.add(stripped);
            if (cleaned.size() > MAX_BAD_WORDS) {
                throw new IllegalArgumentException("a site masks at most " + MAX_BAD_WORDS + " words");
            }
        }
        this.badWords = cleaned.isEmpty() ? null : String.join("\n", cleaned);
    }

    public List<String> badWords() {
        return badWords == null ? List.of() : List.of(badWords.split("\n"));
    }

    /** The site's own CSS for the chat and for the wall, added after the client's; blank means none. */
    public void styleWith(String chatCss, String wallCss) {
        for (String css : new String[] {chatCss, wallCss}) {
            if (css != null && css.length() > MAX_CSS) {
                throw new IllegalArgumentException("custom CSS is at most " + MAX_CSS + " characters");
            }
        }
        this.chatCss = chatCss == null || chatCss.isBlank() ? null : chatCss;
        this.wallCss = wallCss == null || wallCss.isBlank() ? null : wallCss;
    }

    /** The chat's default language: one of {@link #LANGUAGES}. */
    public void speak(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(
                    "the chat speaks " + String.join(" or ", LANGUAGES) + ", not " + language);
        }
        this.language = language;
    }

    public String language() {
        return language;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public void liveIn(String zoneId) {
        try {
            this.timeZone = ZoneId.of(String.valueOf(zoneId).strip()).getId();
        } catch (DateTimeException e) {
            throw new DomainException("unknown time zone " + zoneId + "; use a name such as Europe/Berlin or UTC");
        }
    }

    public PayoutCalendar payoutCalendar() {
        return payoutCalendar;
    }

    public void payOutOn(PayoutCalendar calendar) {
        this.payoutCalendar = Objects.requireNonNull(calendar);
    }

    private static String currencyOf(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency"))
                    .getCurrencyCode();
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(code + " is not an ISO 4217 currency code such as USD or EUR");
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public IntegrationMode mode() {
        return mode;
    }

    public String paypalEmail() {
        return paypalEmail;
    }

    public String paypalMerchantId() {
        return paypalMerchantId;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal creditValue() {
        return creditValue;
    }

    public BigDecimal defaultPercentage() {
        return defaultPercentage;
    }

    public int minPricePerMinute() {
        return minPricePerMinute;
    }

    public int maxPricePerMinute() {
        return maxPricePerMinute;
    }

    public BillingPolicy billing() {
        return billing;
    }

    /** The sealed API secret, or null when the site has none yet. */
    public String apiSecret() {
        return apiSecret;
    }

    public Instant apiSecretRotatedAt() {
        return apiSecretRotatedAt;
    }

    /** Replaces the API secret with a new sealed one; the old one stops working at once. */
    public void keepApiSecret(String sealed, Instant at) {
        this.apiSecret = Objects.requireNonNull(sealed);
        this.apiSecretRotatedAt = Objects.requireNonNull(at);
    }

    /** Takes the site offline: its pages, API and console sign-ins are refused until it is enabled. */
    public void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = Objects.requireNonNull(at);
        }
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public String externalBaseUrl() {
        return externalBaseUrl;
    }

    public String chatCss() {
        return chatCss;
    }

    public String wallCss() {
        return wallCss;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<RoleGrant> grants() {
        return Set.copyOf(grants);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Webmaster other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Webmaster.class.hashCode();
    }

    @Override
    public String toString() {
        return "Webmaster[" + id + ", " + name + "]";
    }
}
