package ppvchat.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import ppvchat.payouts.entity.PayoutPeriod;
import ppvchat.platform.entity.DomainException;

/**
 * When a site's payout run starts by itself, in the site's time zone. A weekly run on day D at time T pays
 * the seven days before D; a monthly run on day D of the month pays the calendar month before. Immutable:
 * change it by replacing it.
 */
@Embeddable
public class PayoutCalendar {

    public enum Frequency {
        OFF,
        WEEKLY,
        MONTHLY
    }

    /** The days of the month a monthly run may fall on: every month has them. */
    public static final int LAST_MONTHLY_DAY = 28;

    @Enumerated(EnumType.STRING)
    @Column(name = "payout_frequency", nullable = false, length = 10)
    private Frequency frequency;

    /** 1 = Monday … 7 = Sunday for weekly runs; the day of the month for monthly runs. */
    @Column(name = "payout_day", nullable = false)
    private int day;

    @Column(name = "payout_time", nullable = false, length = 5)
    private String time;

    protected PayoutCalendar() {}

    private PayoutCalendar(Frequency frequency, int day, LocalTime time) {
        this.frequency = frequency;
        this.day = day;
        this.time = time.withSecond(0).withNano(0).toString();
    }

    public static PayoutCalendar off() {
        return new PayoutCalendar(Frequency.OFF, 1, LocalTime.of(2, 0));
    }

    public static PayoutCalendar weekly(DayOfWeek day, LocalTime at) {
        return new PayoutCalendar(Frequency.WEEKLY, day.getValue(), Objects.requireNonNull(at));
    }

    public static PayoutCalendar monthly(int dayOfMonth, LocalTime at) {
        if (dayOfMonth < 1 || dayOfMonth > LAST_MONTHLY_DAY) {
            throw new DomainException("a monthly payout runs on day 1 to " + LAST_MONTHLY_DAY + " of the month");
        }
        return new PayoutCalendar(Frequency.MONTHLY, dayOfMonth, Objects.requireNonNull(at));
    }

    /** The calendar as the console's form gives it: a frequency, a day and a time such as {@code 02:00}. */
    public static PayoutCalendar of(String frequency, int day, String time) {
        Frequency chosen;
        LocalTime at;
        try {
            chosen = Frequency.valueOf(String.valueOf(frequency));
            at = LocalTime.parse(String.valueOf(time));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DomainException("a payout calendar is OFF, WEEKLY or MONTHLY with a time such as 02:00");
        }
        return switch (chosen) {
            case OFF -> off();
            case WEEKLY -> {
                if (day < 1 || day > 7) {
                    throw new DomainException("a weekly payout runs on day 1 (Monday) to 7 (Sunday)");
                }
                yield weekly(DayOfWeek.of(day), at);
            }
            case MONTHLY -> monthly(day, at);
        };
    }

    public Frequency frequency() {
        return frequency;
    }

    public int day() {
        return day;
    }

    public LocalTime time() {
        return LocalTime.parse(time);
    }

    public boolean isOff() {
        return frequency == Frequency.OFF;
    }

    /**
     * The latest run due at or before {@code now} (local time of the site): its period as [start, end). Empty
     * when the calendar is off.
     */
    public Optional<PayoutPeriod> lastDuePeriod(LocalDateTime now) {
        return switch (frequency) {
            case OFF -> Optional.empty();
            case WEEKLY -> {
                LocalDate runDay = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.of(day)));
                if (runDay.atTime(time()).isAfter(now)) {
                    runDay = runDay.minusWeeks(1);
                }
                yield Optional.of(new PayoutPeriod(runDay.minusWeeks(1), runDay));
            }
            case MONTHLY -> {
                LocalDate runDay = now.toLocalDate().withDayOfMonth(day);
                if (runDay.atTime(time()).isAfter(now)) {
                    runDay = runDay.minusMonths(1);
                }
                LocalDate monthStart = runDay.withDayOfMonth(1);
                yield Optional.of(new PayoutPeriod(monthStart.minusMonths(1), monthStart));
            }
        };
    }

    /** For people: "weekly on Monday at 02:00". */
    public String describe() {
        return switch (frequency) {
            case OFF -> "off (runs start from the console only)";
            case WEEKLY -> "weekly on " + DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
                    + time + ", paying the 7 days before";
            case MONTHLY -> "monthly on day " + day + " at " + time + ", paying the month before";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayoutCalendar other
                && frequency == other.frequency
                && day == other.day
                && time.equals(other.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frequency, day, time);
    }
}
