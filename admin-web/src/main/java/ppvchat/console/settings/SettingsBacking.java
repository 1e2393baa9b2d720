package ppvchat.console.settings;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import ppvchat.accounts.entity.Role;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.ApiSecrets;
import ppvchat.tenancy.boundary.SiteSettings;
import ppvchat.tenancy.entity.CreditRounding;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The signed-in webmaster's settings, as a form: read from {@link SiteSettings}, saved whole through it.
 * A refused save keeps what was typed, says which rule it broke, and changes nothing.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SettingsBacking.class.getName());
    /** The request attribute that carries a secret just created to the page, once. */
    static final String NEW_SECRET = "newApiSecret";

    private static final List<String> TIME_ZONES = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe"
                                    + "|Indian|Pacific)/.+"))
                            .sorted())
            .toList();

    @Inject
    CurrentAccount account;

    @Inject
    transient SiteSettings settings;

    @Inject
    transient ApiSecrets secrets;

    private ApiSecrets.State secret;
    private long siteId;
    private List<String> hostLoginRoles;
    private SiteSettings.Integration integration;
    private String integrationMode;
    private String externalBaseUrl;

    private String name;
    private String currency;
    private String paypalEmail;
    private String paypalMerchantId;
    private BigDecimal creditValue;
    private BigDecimal defaultPercentage;
    private Integer minPricePerMinute;
    private Integer maxPricePerMinute;
    private Integer graceSeconds;
    private Long minBalanceToStart;
    private Long minBalanceToStay;
    private String lowBalanceWarnings;
    private String rounding;
    private String language;
    private String timeZone;
    private String allowedOrigins;
    private String badWords;
    private String chatCss;
    private String wallCss;

    @PostConstruct
    void load() {
        siteId = account.webmasterId();
        SiteSettings.Settings now = settings.of(siteId);
        name = now.name();
        currency = now.currency();
        paypalEmail = now.paypalEmail();
        paypalMerchantId = now.paypalMerchantId();
        creditValue = now.creditValue();
        defaultPercentage = now.defaultPercentage();
        minPricePerMinute = now.minPricePerMinute();
        maxPricePerMinute = now.maxPricePerMinute();
        graceSeconds = now.graceSeconds();
        minBalanceToStart = now.minBalanceToStart();
        minBalanceToStay = now.minBalanceToStay();
        lowBalanceWarnings = now.lowBalanceWarnings();
        rounding = now.rounding();
        language = now.language();
        timeZone = now.timeZone();
        allowedOrigins = now.allowedOrigins();
        badWords = now.badWords();
        chatCss = now.chatCss();
        wallCss = now.wallCss();
        secret = secrets.state(siteId);
        hostLoginRoles =
                settings.hostLoginRoles(siteId).stream().map(Role::name).toList();
        loadIntegration();
    }

    private void loadIntegration() {
        integration = settings.integration(siteId);
        integrationMode = integration.mode();
        externalBaseUrl = integration.baseUrl();
    }

    /** Keeps the credits here or on the site's server; a refused change keeps what was typed and changes nothing. */
    public void saveIntegration() {
        try {
            settings.integrate(account.stillOn(siteId), integrationMode, externalBaseUrl);
            loadIntegration();
            LOG.info(() -> "console account " + account.getUsername() + " set site " + siteId + " to "
                    + integration.mode() + (integration.external() ? " at " + integration.baseUrl() : ""));
            ConsoleMessages.info(
                    integration.external()
                            ? "External mode: your users' credits now live on your site's server at "
                                    + integration.baseUrl() + "."
                            : "Embed mode: your users' credits now live here.");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    /** The mode saved now (not the one being typed): what the page says is in force. */
    public SiteSettings.Integration getIntegration() {
        return integration;
    }

    public String getIntegrationMode() {
        return integrationMode;
    }

    public void setIntegrationMode(String integrationMode) {
        this.integrationMode = integrationMode;
    }

    public String getExternalBaseUrl() {
        return externalBaseUrl;
    }

    public void setExternalBaseUrl(String externalBaseUrl) {
        this.externalBaseUrl = externalBaseUrl;
    }

    public void saveHostLoginRoles() {
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : hostLoginRoles) {
                roles.add(Role.valueOf(role));
            }
            settings.allowHostLoginAs(account.stillOn(siteId), roles);
            ConsoleMessages.info(
                    roles.isEmpty()
                            ? "Sign-in from your site is off."
                            : "Your site's server may now sign users in as "
                                    + String.join(
                                            ", ",
                                            roles.stream()
                                                    .map(r -> r.name().toLowerCase())
                                                    .toList()) + ".");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } catch (IllegalArgumentException unknown) {
            ConsoleMessages.error("Choose among guest, user and moderator.");
        }
    }

    /** The roles a site's server may be allowed to sign users in as, for the checkboxes. */
    public List<SelectItem> getHostLoginRoleChoices() {
        return Webmaster.HOST_LOGIN_ROLES.stream()
                .map(role -> new SelectItem(role.name(), role.name().toLowerCase()))
                .toList();
    }

    public List<String> getHostLoginRoles() {
        return hostLoginRoles;
    }

    public void setHostLoginRoles(List<String> hostLoginRoles) {
        this.hostLoginRoles = hostLoginRoles == null ? List.of() : hostLoginRoles;
    }

    public void rotateSecret() {
        try {
            String created = secrets.rotate(account.stillOn(siteId), account.getUsername());
            // for this response only: the page shows it once and no bean or session keeps it
            FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestMap()
                    .put(NEW_SECRET, created);
            secret = secrets.state(siteId);
            ConsoleMessages.info("New API secret created. Copy it now: it is not shown again.");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    public ApiSecrets.State getSecret() {
        return secret;
    }

    public long getSiteId() {
        return siteId;
    }

    public void save() {
        try {
            settings.save(
                    account.stillOn(siteId),
                    new SiteSettings.Settings(
                            name,
                            currency,
                            paypalEmail,
                            paypalMerchantId,
                            creditValue,
                            defaultPercentage,
                            number(minPricePerMinute, "the lowest price a minute")
                                    .intValue(),
                            number(maxPricePerMinute, "the highest price a minute")
                                    .intValue(),
                            number(graceSeconds, "the free seconds").intValue(),
                            number(minBalanceToStart, "the balance to start a show")
                                    .longValue(),
                            number(minBalanceToStay, "the balance to stay in a show")
                                    .longValue(),
                            lowBalanceWarnings,
                            rounding,
                            language,
                            timeZone,
                            allowedOrigins,
                            badWords,
                            chatCss,
                            wallCss));
            LOG.info(() -> "console account " + account.getUsername() + " saved the settings of site "
                    + account.webmasterId());
            ConsoleMessages.info("Settings saved.");
            load();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    private static Number number(Number value, String what) {
        if (value == null) {
            throw new DomainException(what + " is required");
        }
        return value;
    }

    public List<String> getRoundings() {
        return java.util.Arrays.stream(CreditRounding.values()).map(Enum::name).toList();
    }

    public List<String> getLanguages() {
        return Webmaster.LANGUAGES;
    }

    public String getName() {
        return name;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaypalEmail() {
        return paypalEmail;
    }

    public void setPaypalEmail(String paypalEmail) {
        this.paypalEmail = paypalEmail;
    }

    public String getPaypalMerchantId() {
        return paypalMerchantId;
    }

    public void setPaypalMerchantId(String paypalMerchantId) {
        this.paypalMerchantId = paypalMerchantId;
    }

    public BigDecimal getCreditValue() {
        return creditValue;
    }

    public void setCreditValue(BigDecimal creditValue) {
        this.creditValue = creditValue;
    }

    public BigDecimal getDefaultPercentage() {
        return defaultPercentage;
    }

    public void setDefaultPercentage(BigDecimal defaultPercentage) {
        this.defaultPercentage = defaultPercentage;
    }

    public Integer getMinPricePerMinute() {
        return minPricePerMinute;
    }

    public void setMinPricePerMinute(Integer minPricePerMinute) {
        this.minPricePerMinute = minPricePerMinute;
    }

    public Integer getMaxPricePerMinute() {
        return maxPricePerMinute;
    }

    public void setMaxPricePerMinute(Integer maxPricePerMinute) {
        this.maxPricePerMinute = maxPricePerMinute;
    }

    public Integer getGraceSeconds() {
        return graceSeconds;
    }

    public void setGraceSeconds(Integer graceSeconds) {
        this.graceSeconds = graceSeconds;
    }

    public Long getMinBalanceToStart() {
        return minBalanceToStart;
    }

    public void setMinBalanceToStart(Long minBalanceToStart) {
        this.minBalanceToStart = minBalanceToStart;
    }

    public Long getMinBalanceToStay() {
        return minBalanceToStay;
    }

    public void setMinBalanceToStay(Long minBalanceToStay) {
        this.minBalanceToStay = minBalanceToStay;
    }

    public String getLowBalanceWarnings() {
        return lowBalanceWarnings;
    }

    public void setLowBalanceWarnings(String lowBalanceWarnings) {
        this.lowBalanceWarnings = lowBalanceWarnings;
    }

    public String getRounding() {
        return rounding;
    }

    public void setRounding(String rounding) {
        this.rounding = rounding;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /** Region time zones (Europe/Berlin), sorted, with UTC first. */
    public List<String> getTimeZones() {
        return TIME_ZONES;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getBadWords() {
        return badWords;
    }

    public void setBadWords(String badWords) {
        this.badWords = badWords;
    }

    public String getChatCss() {
        return chatCss;
    }

    public void setChatCss(String chatCss) {
        this.chatCss = chatCss;
    }

    public String getWallCss() {
        return wallCss;
    }

    public void setWallCss(String wallCss) {
        this.wallCss = wallCss;
    }
}
