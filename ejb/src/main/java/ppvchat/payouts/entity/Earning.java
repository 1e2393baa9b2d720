package ppvchat.payouts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.entity.Webmaster;

/**
 * What a performer earned from one tip or one finished show: a row of the seed's {@code ppv_tips}.
 * The money price and the performer's benefit are fixed when the row is written, so later changes to
 * the credit value or percentages never rewrite history. A row is paid out in at most one statement.
 */
@Entity
@Table(name = "ppv_tips")
public class Earning {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "userid", nullable = false, updatable = false)
    private long userId;

    @Column(name = "performerid", nullable = false, updatable = false)
    private long performerId;

    @NotNull
    @Convert(converter = EarningActionConverter.class)
    @Column(updatable = false)
    private EarningAction action;

    @Positive
    @Column(updatable = false)
    private long credits;

    @NotNull
    @PositiveOrZero
    @Column(updatable = false)
    private BigDecimal price;

    @NotNull
    @PositiveOrZero
    @Column(name = "performerBenefit", updatable = false)
    private BigDecimal performerBenefit;

    @NotNull
    @Column(name = "date", updatable = false)
    private Instant date;

    @Column(name = "show_id", updatable = false)
    private Long showId;

    @Column(name = "statement_id")
    private Long statementId;

    protected Earning() {}

    private Earning(
            Webmaster webmaster, Performer performer, long userId, EarningAction action, long credits, Instant now) {
        if (credits <= 0) {
            throw new IllegalArgumentException("an earning is for a positive number of credits");
        }
        if (performer.webmasterId() != webmaster.id()) {
            throw new IllegalArgumentException("performer belongs to another webmaster");
        }
        this.webmasterId = webmaster.id();
        this.performerId = performer.id();
        this.userId = userId;
        this.action = action;
        this.credits = credits;
        this.price = webmaster.priceOf(credits);
        this.performerBenefit = performer.benefitOf(price, webmaster);
        this.date = Objects.requireNonNull(now);
    }

    public static Earning tip(Webmaster webmaster, Performer performer, ChatUser from, long credits, Instant now) {
        return new Earning(webmaster, performer, from.id(), EarningAction.TIPS, credits, now);
    }

    /** The earning of a finished show that charged something; a show that charged nothing earns nothing. */
    public static Earning liveshow(Webmaster webmaster, Performer performer, PrivateShow show) {
        if (show.status() != ShowStatus.ENDED || show.performerId() != performer.id()) {
            throw new IllegalArgumentException("only an ended show of this performer earns");
        }
        Earning earning = new Earning(
                webmaster, performer, show.userId(), EarningAction.LIVESHOW, show.creditsCharged(), show.endedAt());
        earning.showId = show.id();
        return earning;
    }

    public void includeIn(long statementId) {
        if (this.statementId != null && this.statementId != statementId) {
            throw new DomainException("earning " + id + " is already paid in statement " + this.statementId);
        }
        this.statementId = statementId;
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long userId() {
        return userId;
    }

    public long performerId() {
        return performerId;
    }

    public EarningAction action() {
        return action;
    }

    public long credits() {
        return credits;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal performerBenefit() {
        return performerBenefit;
    }

    public Instant date() {
        return date;
    }

    public Long showId() {
        return showId;
    }

    public Long statementId() {
        return statementId;
    }
}
