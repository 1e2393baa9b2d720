package ppvchat.payouts.entity;

/** The seed's {@code ppv_tips.action} values, kept as they were. */
public enum EarningAction {
    TIPS("tips"),
    LIVESHOW("liveshow");

    private final String column;

    EarningAction(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static EarningAction ofColumn(String column) {
        for (EarningAction action : values()) {
            if (action.column.equals(column)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown earning action " + column);
    }
}
