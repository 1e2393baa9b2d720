package ppvchat.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import ppvchat.tenancy.entity.Webmaster;

/** A credit package users buy, e.g. 600 credits for 10.00: a row of the seed's {@code ppv_item}. */
@Entity
@Table(name = "ppv_item")
@NamedQuery(
        name = CreditItem.ACTIVE_OF_WEBMASTER,
        query = "SELECT i FROM CreditItem i WHERE i.webmasterId = :webmasterId AND i.active = TRUE ORDER BY i.price")
public class CreditItem {

    public static final String ACTIVE_OF_WEBMASTER = "CreditItem.activeOfWebmaster";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    /** Credits granted; the seed named this column {@code seconds}. */
    @Positive
    @Column(name = "seconds")
    private long credits;

    @NotNull
    @Positive
    @Digits(integer = 10, fraction = 2)
    private BigDecimal price;

    @NotBlank
    @Size(max = 200)
    private String description;

    private boolean active;

    protected CreditItem() {}

    public CreditItem(Webmaster webmaster, long credits, BigDecimal price, String description) {
        this.webmasterId = webmaster.id();
        reprice(credits, price);
        describe(description);
        this.active = true;
    }

    public void reprice(long credits, BigDecimal price) {
        if (credits <= 0 || credits > 1_000_000_000 || price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("a package grants credits for a price, both positive");
        }
        if (price.stripTrailingZeros().scale() > Webmaster.MONEY_SCALE
                || price.compareTo(new BigDecimal("1000000")) >= 0) {
            throw new IllegalArgumentException("a price has at most two decimals and is below 1,000,000");
        }
        this.credits = credits;
        this.price = price.setScale(Webmaster.MONEY_SCALE, RoundingMode.UNNECESSARY);
    }

    public void withdraw() {
        this.active = false;
    }

    /** On sale again after a withdrawal. */
    public void offer() {
        this.active = true;
    }

    public void describe(String description) {
        if (description == null || description.isBlank() || description.strip().length() > 200) {
            throw new IllegalArgumentException("a package has a description of 1 to 200 characters");
        }
        this.description = description.strip();
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long credits() {
        return credits;
    }

    public BigDecimal price() {
        return price;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }
}
