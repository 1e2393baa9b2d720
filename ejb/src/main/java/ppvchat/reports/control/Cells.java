package ppvchat.reports.control;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Reads the cells of native aggregate queries the same way on MariaDB and H2: sums come back as
 * {@code BigDecimal}, {@code Long} or {@code Integer} depending on the database, times as {@code Timestamp}
 * or {@code LocalDateTime}.
 */
public final class Cells {

    private Cells() {}

    public static long count(Object cell) {
        return cell == null ? 0 : ((Number) cell).longValue();
    }

    public static Long countOrNull(Object cell) {
        return cell == null ? null : ((Number) cell).longValue();
    }

    /** Money as stored, with the scale of every amount in the system. */
    public static BigDecimal money(Object cell) {
        if (cell == null) {
            return BigDecimal.ZERO.setScale(Webmaster.MONEY_SCALE);
        }
        BigDecimal amount = cell instanceof BigDecimal decimal ? decimal : new BigDecimal(cell.toString());
        return amount.setScale(Webmaster.MONEY_SCALE);
    }

    public static BigDecimal moneyOrNull(Object cell) {
        return cell == null ? null : money(cell);
    }

    public static Instant instant(Object cell) {
        if (cell == null) {
            return null;
        }
        LocalDateTime utc = cell instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) cell;
        return utc.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate day(Object cell) {
        if (cell instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (cell instanceof LocalDateTime time) {
            return time.toLocalDate();
        }
        if (cell instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        return (LocalDate) cell;
    }

    public static String text(Object cell) {
        return cell == null ? null : cell.toString();
    }
}
