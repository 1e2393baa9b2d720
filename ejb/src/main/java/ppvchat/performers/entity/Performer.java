package ppvchat.performers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;
import ppvchat.tenancy.entity.Percentages;
import ppvchat.tenancy.entity.Webmaster;

/** A chat user with the performer role, plus what the wall and the billing need to know about them. */
@Entity
@Table(name = "performer")
@NamedQuery(
        name = Performer.OF_WEBMASTER,
        query = "SELECT p FROM Performer p WHERE p.webmasterId = :webmasterId ORDER BY p.displayName, p.id")
@NamedQuery(
        name = Performer.ON_WALL,
        query = "SELECT p FROM Performer p WHERE p.webmasterId = :webmasterId AND p.disabledAt IS NULL"
                + " ORDER BY p.displayName, p.id")
@NamedQuery(
        name = Performer.OF_USER,
        query = "SELECT p FROM Performer p WHERE p.webmasterId = :webmasterId AND p.user.id = :userId")
public class Performer {

    public static final String OF_WEBMASTER = "Performer.ofWebmaster";
    public static final String OF_USER = "Performer.ofUser";
    public static final String ON_WALL = "Performer.onWall";
    public static final int MAX_HEADLINE = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id", updatable = false)
    private ChatUser user;

    @NotBlank
    @Size(max = 80)
    @Column(name = "display_name")
    private String displayName;

    @Size(max = 200)
    private String headline;

    @Positive
    @Column(name = "price_per_minute")
    private int pricePerMinute;

    /** Overrides the webmaster's default when set. */
    private BigDecimal percentage;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** When the site's admins disabled the performer; null while enabled. */
    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Version
    private long version;

    protected Performer() {}

    public Performer(Webmaster webmaster, ChatUser user, String displayName, int pricePerMinute, Instant createdAt) {
        if (user.webmasterId() != webmaster.id()) {
            throw new IllegalArgumentException("a performer belongs to the webmaster of their user");
        }
        user.changeRole(Role.PERFORMER);
        this.webmasterId = webmaster.id();
        this.user = user;
        rename(displayName);
        reprice(pricePerMinute, webmaster);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void rename(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 80) {
            throw new IllegalArgumentException("a display name has 1 to 80 characters");
        }
        this.displayName = displayName.strip();
    }

    /** The line under the name on the wall; blank means none. */
    public void describe(String headline) {
        String line = headline == null || headline.isBlank() ? null : headline.strip();
        if (line != null && line.length() > MAX_HEADLINE) {
            throw new IllegalArgumentException("a headline has at most " + MAX_HEADLINE + " characters");
        }
        this.headline = line;
    }

    /** Off the wall, no sign-in, no going live, until enabled again. Disabling twice keeps the first time. */
    public void disable(Instant now) {
        if (disabledAt == null) {
            disabledAt = Objects.requireNonNull(now);
        }
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    /** Refuses a disabled performer whatever they try: signing in, opening their page, going live. */
    public void requireEnabled() {
        if (disabledAt != null) {
            throw new Forbidden("this performer login is disabled: the site's admins can enable it again");
        }
    }

    public void reprice(int pricePerMinute, Webmaster webmaster) {
        if (!webmaster.acceptsRate(pricePerMinute)) {
            throw new IllegalArgumentException("price must be between " + webmaster.minPricePerMinute() + " and "
                    + webmaster.maxPricePerMinute() + " credits per minute");
        }
        this.pricePerMinute = pricePerMinute;
    }

    public void overridePercentage(BigDecimal percentage) {
        this.percentage = percentage == null ? null : Percentages.validated(percentage);
    }

    public BigDecimal earningPercentage(Webmaster webmaster) {
        return percentage != null ? percentage : webmaster.defaultPercentage();
    }

    /** The performer's share of money spent on them. */
    public BigDecimal benefitOf(BigDecimal price, Webmaster webmaster) {
        return Percentages.shareOf(price, earningPercentage(webmaster));
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public ChatUser user() {
        return user;
    }

    public String displayName() {
        return displayName;
    }

    public String headline() {
        return headline;
    }

    public int pricePerMinute() {
        return pricePerMinute;
    }

    public BigDecimal percentage() {
        return percentage;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Performer other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Performer.class.hashCode();
    }

    @Override
    public String toString() {
        return "Performer[" + id + ", " + displayName + "@" + webmasterId + "]";
    }
}
