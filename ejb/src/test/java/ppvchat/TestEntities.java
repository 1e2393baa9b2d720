package ppvchat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.performers.entity.Performer;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.tenancy.entity.Webmaster;

/** Builds entities for unit tests, giving them the ids the database would assign. */
public final class TestEntities {

    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final String SECRET = "0123456789abcdef0123456789abcdef";

    private TestEntities() {}

    /** A webmaster with the defaults: one credit is worth 0.02 EUR. */
    public static Webmaster webmaster(long id) {
        return webmaster(id, new BigDecimal("0.02"));
    }

    public static Webmaster webmaster(long id, BigDecimal creditValue) {
        return withId(new Webmaster("Site " + id, "EUR", creditValue, SECRET, NOW), id);
    }

    public static ChatUser user(Webmaster webmaster, long id, Role role) {
        return user(webmaster.id(), id, role);
    }

    public static ChatUser user(long webmasterId, long id, Role role) {
        return withId(new ChatUser(webmasterId, "ext-" + id, "user" + id, role, NOW), id);
    }

    public static Performer performer(Webmaster webmaster, ChatUser user, long id, int ratePerMinute) {
        return withId(new Performer(webmaster, user, "Performer " + id, ratePerMinute, NOW), id);
    }

    public static PrivateShow show(PrivateShow show, long id) {
        return withId(show, id);
    }

    /** Sets the private {@code id} field the way the persistence provider would. */
    public static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the id of " + entity.getClass(), e);
        }
    }
}
