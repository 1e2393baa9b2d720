package ppvchat.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An empty MariaDB database for one test class, on the server and with the account of {@code ppv.mariadb.*}. */
final class TestDatabase {

    private static final Pattern MARIADB_URL = Pattern.compile("(jdbc:mariadb://[^/?]+)(?:/[^?]*)?(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("ppv_[a-z0-9_]+");

    private TestDatabase() {}

    /** Drops and creates {@code name}; returns its JDBC URL. */
    static String recreate(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("test databases are named ppv_...: " + name);
        }
        Matcher url = MARIADB_URL.matcher(SystemTestSettings.value("ppv.mariadb.url"));
        if (!url.matches()) {
            throw new IllegalStateException("ppv.mariadb.url is not a jdbc:mariadb:// URL: " + url);
        }
        String server = url.group(1) + "/";
        String parameters = url.group(2) == null ? "" : url.group(2);
        try (Connection connection = DriverManager.getConnection(
                        server + parameters,
                        SystemTestSettings.value("ppv.mariadb.user"),
                        SystemTestSettings.value("ppv.mariadb.password"));
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + name + " on " + server, e);
        }
        return server + name + parameters;
    }
}
