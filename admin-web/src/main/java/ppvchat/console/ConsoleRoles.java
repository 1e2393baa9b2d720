package ppvchat.console;

import ppvchat.accounts.entity.ConsoleRole;

/** The console's role names as compile-time constants, for annotations; they equal {@link ConsoleRole}. */
public final class ConsoleRoles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String WEBMASTER_ADMIN = "WEBMASTER_ADMIN";
    public static final String MODERATOR = "MODERATOR";
    public static final String ACCOUNTANT = "ACCOUNTANT";

    private ConsoleRoles() {}
}
