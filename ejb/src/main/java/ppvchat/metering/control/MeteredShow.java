package ppvchat.metering.control;

/** A running show's meter with the room it belongs to. */
public record MeteredShow(long webmasterId, long performerId, CreditMeter meter) {

    public long showId() {
        return meter.showId();
    }
}
