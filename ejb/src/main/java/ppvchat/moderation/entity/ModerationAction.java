package ppvchat.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;

/**
 * The audit trail of moderation: who did what to whom, where and why. Append-only. The actor is either a
 * chat user (a moderator in a room) or a console account.
 */
@Entity
@Table(name = "moderation_action")
@NamedQuery(
        name = ModerationAction.OF_TARGET,
        query = "SELECT m FROM ModerationAction m WHERE m.webmasterId = :webmasterId AND m.targetUserId = :userId"
                + " ORDER BY m.createdAt DESC, m.id DESC")
public class ModerationAction {

    public static final String OF_TARGET = "ModerationAction.ofTarget";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "target_user_id", nullable = false, updatable = false)
    private long targetUserId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ModerationKind action;

    @Column(name = "performer_id", updatable = false)
    private Long performerId;

    @Column(name = "actor_user_id", updatable = false)
    private Long actorUserId;

    @Column(name = "actor_account_id", updatable = false)
    private Long actorAccountId;

    @Size(max = 500)
    @Column(updatable = false)
    private String reason;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected ModerationAction() {}

    private ModerationAction(ModerationKind action, ChatUser target, Actor actor, String reason, Instant now) {
        this.webmasterId = target.webmasterId();
        this.targetUserId = target.id();
        this.action = action;
        this.actorUserId = actor.userId();
        this.actorAccountId = actor.accountId();
        this.reason = reason;
        this.createdAt = Objects.requireNonNull(now);
    }

    /** Who acted: exactly one of a chat user or a console account. */
    public record Actor(Long userId, Long accountId) {
        public Actor {
            if ((userId == null) == (accountId == null)) {
                throw new IllegalArgumentException("an action has exactly one actor");
            }
        }

        public static Actor user(long id) {
            return new Actor(id, null);
        }

        public static Actor console(long id) {
            return new Actor(null, id);
        }
    }

    public static ModerationAction kick(ChatUser target, Long performerId, Actor actor, String reason, Instant now) {
        ModerationAction kick = new ModerationAction(ModerationKind.KICK, target, actor, reason, now);
        kick.performerId = performerId;
        return kick;
    }

    /** Bans the user on the whole site for the duration, and records it. */
    public static ModerationAction ban(ChatUser target, Duration duration, Actor actor, String reason, Instant now) {
        requirePositive(duration);
        ModerationAction ban = new ModerationAction(ModerationKind.BAN, target, actor, reason, now);
        ban.expiresAt = now.plus(duration);
        target.ban(ban.expiresAt, reason);
        return ban;
    }

    /** Bans the user on the whole site with no end, until someone lifts it; the record has no expiry. */
    public static ModerationAction permanentBan(ChatUser target, Actor actor, String reason, Instant now) {
        ModerationAction ban = new ModerationAction(ModerationKind.BAN, target, actor, reason, now);
        target.ban(ChatUser.PERMANENTLY, reason);
        return ban;
    }

    /** A running private show ended by a moderator; {@code target} is the user who booked it. */
    public static ModerationAction stop(ChatUser target, long performerId, Actor actor, String reason, Instant now) {
        ModerationAction stop = new ModerationAction(ModerationKind.STOP, target, actor, reason, now);
        stop.performerId = performerId;
        return stop;
    }

    public static ModerationAction unban(ChatUser target, Actor actor, String reason, Instant now) {
        target.unban();
        return new ModerationAction(ModerationKind.UNBAN, target, actor, reason, now);
    }

    public static ModerationAction mute(
            ChatUser target, Long performerId, Duration duration, Actor actor, String reason, Instant now) {
        requirePositive(duration);
        ModerationAction mute = new ModerationAction(ModerationKind.MUTE, target, actor, reason, now);
        mute.performerId = performerId;
        mute.expiresAt = now.plus(duration);
        return mute;
    }

    /** A message taken down from a room's chat; the reason says which message. */
    public static ModerationAction removal(ChatUser author, Long performerId, Actor actor, String reason, Instant now) {
        ModerationAction removal = new ModerationAction(ModerationKind.REMOVE, author, actor, reason, now);
        removal.performerId = performerId;
        return removal;
    }

    private static void requirePositive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a ban or mute lasts a positive time");
        }
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long targetUserId() {
        return targetUserId;
    }

    public ModerationKind action() {
        return action;
    }

    public Long performerId() {
        return performerId;
    }

    public Long actorUserId() {
        return actorUserId;
    }

    public Long actorAccountId() {
        return actorAccountId;
    }

    public String reason() {
        return reason;
    }

    /** When a ban or mute ends; null for a permanent ban and for actions that do not last. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
