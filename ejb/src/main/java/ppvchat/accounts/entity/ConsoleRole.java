package ppvchat.accounts.entity;

/** Who may sign in to the admin console. Names are the Jakarta Security groups and roles. */
public enum ConsoleRole {
    /** Runs the installation; belongs to no webmaster. */
    PLATFORM_ADMIN,
    WEBMASTER_ADMIN,
    MODERATOR,
    ACCOUNTANT;

    public boolean belongsToWebmaster() {
        return this != PLATFORM_ADMIN;
    }
}
