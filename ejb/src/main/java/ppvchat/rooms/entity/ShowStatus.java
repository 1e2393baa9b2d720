package ppvchat.rooms.entity;

import java.util.EnumSet;
import java.util.Set;

/** The life of a private show: requested → accepted → running → ended, or declined/cancelled/expired. */
public enum ShowStatus {
    REQUESTED,
    ACCEPTED,
    RUNNING,
    ENDED,
    DECLINED,
    CANCELLED,
    EXPIRED;

    public boolean canMoveTo(ShowStatus next) {
        return successors().contains(next);
    }

    private Set<ShowStatus> successors() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACCEPTED, DECLINED, CANCELLED, EXPIRED);
            case ACCEPTED -> EnumSet.of(RUNNING, ENDED);
            case RUNNING -> EnumSet.of(ENDED);
            case ENDED, DECLINED, CANCELLED, EXPIRED -> EnumSet.noneOf(ShowStatus.class);
        };
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }
}
