package ppvchat.console.payouts;

import java.io.Serializable;
import java.util.List;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.platform.entity.DomainException;

/**
 * What the payout calendar form holds on the Payouts page: how often the run starts by itself, on which day
 * and at what time of the site's day. The boundary judges it; this only carries it.
 */
public class CalendarForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The choices of the frequency menu, as the boundary names them. */
    public static final List<String> FREQUENCIES = List.of("OFF", "WEEKLY", "MONTHLY");

    private String frequency;
    private Integer day;
    private String time;
    private String timeZone;
    private String description;

    /** Shows the calendar the site has now. */
    void show(PayoutRuns.Calendar calendar) {
        frequency = calendar.frequency();
        day = calendar.day();
        time = calendar.time();
        timeZone = calendar.timeZone();
        description = calendar.description();
    }

    /** Saves the form as the site's calendar and shows what was saved. */
    void save(PayoutRuns runs, long webmasterId) {
        if (day == null) {
            throw new DomainException("give the day the run starts on: 1 (Monday) to 7 (Sunday) for a weekly run,"
                    + " 1 to 28 for a monthly one");
        }
        show(runs.schedule(webmasterId, frequency, day, time == null ? "" : time.strip()));
    }

    public String label(String frequency) {
        return switch (frequency) {
            case "WEEKLY" -> "Weekly";
            case "MONTHLY" -> "Monthly";
            default -> "Off (start runs here only)";
        };
    }

    public List<String> getFrequencies() {
        return FREQUENCIES;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public Integer getDay() {
        return day;
    }

    public void setDay(Integer day) {
        this.day = day;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getDescription() {
        return description;
    }
}
