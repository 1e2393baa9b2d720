package ppvchat.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ppvchat.ledger.entity.InsufficientCredits;

/**
 * Someone who chats on a webmaster's site: a visitor, a performer, a moderator. Identified on the host
 * site by {@link #externalId}. {@link #credits} is a cache of the user's ledger entries and changes only
 * together with a new entry (see the ledger component).
 */
@Entity
@Table(name = "chat_user")
@NamedQuery(
        name = ChatUser.BY_EXTERNAL_ID,
        query = "SELECT u FROM ChatUser u WHERE u.webmasterId = :webmasterId AND u.externalId = :externalId")
@NamedQuery(
        name = ChatUser.BY_USERNAME,
        query = "SELECT u FROM ChatUser u WHERE u.webmasterId = :webmasterId AND LOWER(u.username) = :username")
@NamedQuery(
        name = ChatUser.COUNT_OF_WEBMASTER,
        query = "SELECT COUNT(u) FROM ChatUser u WHERE u.webmasterId = :webmasterId")
public class ChatUser {

    public static final String BY_EXTERNAL_ID = "ChatUser.byExternalId";
    public static final String BY_USERNAME = "ChatUser.byUsername";
    public static final String COUNT_OF_WEBMASTER = "ChatUser.countOfWebmaster";
    private static final String URL = "https?://\\S{1,490}";

    /**
     * The end of a permanent ban: far enough to never come, early enough for every database column and
     * time zone (DATETIME ends with 9999).
     */
    public static final Instant PERMANENTLY = Instant.parse("9999-01-01T00:00:00Z");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotBlank
    @Size(max = 64)
    @Column(name = "external_id", updatable = false)
    private String externalId;

    @NotBlank
    @Size(max = 64)
    private String username;

    @Pattern(regexp = URL)
    @Column(name = "avatar_url")
    private String avatarUrl;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Pattern(regexp = URL)
    @Column(name = "profile_url")
    private String profileUrl;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Role role;

    @Min(0)
    private long credits;

    /** Credits reserved for running private shows: part of the balance, but not spendable elsewhere. */
    @Min(0)
    @Column(name = "held_credits")
    private long heldCredits;

    @Column(name = "banned_until")
    private Instant bannedUntil;

    @Size(max = 500)
    @Column(name = "ban_reason")
    private String banReason;

    /** Why purchases and private shows wait for the webmaster (a refund or a reversal); null when they don't. */
    @Size(max = 300)
    @Column(name = "purchases_hold")
    private String purchasesHold;

    /** Credits taken back by refunds and reversals that were already spent, for the webmaster to see. */
    @Min(0)
    @Column(name = "credit_shortfall")
    private long creditShortfall;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** Only a PBKDF2 hash, never a password; null for guests and users signed in by their host site. */
    @Pattern(regexp = "PBKDF2With\\S+", message = "must be a PBKDF2 hash, never a password")
    @Column(name = "password_hash")
    private String passwordHash;

    @Version
    private long version;

    protected ChatUser() {}

    public ChatUser(long webmasterId, String externalId, String username, Role role, Instant createdAt) {
        this.webmasterId = webmasterId;
        this.externalId = requireText(externalId, "external id");
        this.username = requireText(username, "username");
        this.role = Objects.requireNonNull(role);
        this.gender = Gender.UNKNOWN;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void describe(Gender gender, String avatarUrl, String profileUrl) {
        this.gender = Objects.requireNonNull(gender);
        this.avatarUrl = avatarUrl;
        this.profileUrl = profileUrl;
    }

    /** A user signed in by their host site goes by the name the host gives them. */
    public void rename(String username) {
        this.username = requireText(username, "username");
    }

    /** Lets the user sign in with a password; takes its hash only. */
    public void signInWith(String passwordHash) {
        if (role == Role.GUEST) {
            throw new IllegalStateException("guests have no password");
        }
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public void changeRole(Role role) {
        this.role = Objects.requireNonNull(role);
    }

    public void ban(Instant until, String reason) {
        this.bannedUntil = Objects.requireNonNull(until);
        this.banReason = reason;
    }

    public void unban() {
        this.bannedUntil = null;
        this.banReason = null;
    }

    /** Money went back to the buyer: purchases and private shows wait until the webmaster decides. */
    public void holdPurchases(String reason, long shortfall) {
        this.purchasesHold = requireText(reason, "a hold's reason");
        this.creditShortfall = Math.addExact(creditShortfall, Math.max(0, shortfall));
    }

    /** A reversal was cancelled: what it could not take back is no longer owed. */
    public void forgiveShortfall(long credits) {
        this.creditShortfall = Math.max(0, creditShortfall - credits);
    }

    public void liftPurchasesHold() {
        this.purchasesHold = null;
    }

    public Optional<String> purchasesHold() {
        return Optional.ofNullable(purchasesHold);
    }

    public long creditShortfall() {
        return creditShortfall;
    }

    public boolean isBannedAt(Instant now) {
        return bannedUntil != null && now.isBefore(bannedUntil);
    }

    public boolean isBannedPermanently() {
        return bannedUntil != null && !bannedUntil.isBefore(PERMANENTLY);
    }

    /**
     * Moves the cached balance by a ledger entry's amount; only {@code LedgerEntry} calls this, so the
     * cache never moves without an entry. A debit may not touch credits held for running shows.
     */
    public long applyLedgerAmount(long amount) {
        long after = Math.addExact(credits, amount);
        if (amount < 0 && after < heldCredits) {
            throw new InsufficientCredits(-amount, available());
        }
        credits = after;
        return after;
    }

    /** Reserves credits for a running show; refuses more than is available. */
    public void hold(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a hold is for a positive number of credits");
        }
        if (amount > available()) {
            throw new InsufficientCredits(amount, available());
        }
        heldCredits += amount;
    }

    /** Gives back held credits, before the show's charge is posted or when it charged nothing. */
    public void release(long amount) {
        if (amount < 0 || amount > heldCredits) {
            throw new IllegalArgumentException("cannot release " + amount + " of " + heldCredits + " held credits");
        }
        heldCredits -= amount;
    }

    /** What the user may spend now. */
    public long available() {
        return credits - heldCredits;
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

    public long webmasterId() {
        return webmasterId;
    }

    public String externalId() {
        return externalId;
    }

    public String username() {
        return username;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Gender gender() {
        return gender;
    }

    public String profileUrl() {
        return profileUrl;
    }

    public Role role() {
        return role;
    }

    public long credits() {
        return credits;
    }

    public long heldCredits() {
        return heldCredits;
    }

    public Instant bannedUntil() {
        return bannedUntil;
    }

    public String banReason() {
        return banReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ChatUser other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return ChatUser.class.hashCode();
    }

    @Override
    public String toString() {
        return "ChatUser[" + id + ", " + username + "@" + webmasterId + "]";
    }
}
