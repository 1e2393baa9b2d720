package ppvchat.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Prepares the database a test run deploys against; MariaDB gets a fresh, empty database. */
public final class TestDatabase {

    private TestDatabase() {}

    public static void resetIfAsked() {
        if (!Boolean.getBoolean("ppv.it.datasource.reset")) {
            return;
        }
        String url = System.getProperty("ppv.it.datasource.url");
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceAll("[?;].*", "");
        if (!database.matches("ppv_[a-z0-9_]+")) {
            throw new IllegalStateException("refusing to reset a database not named ppv_*: " + database);
        }
        try (Connection connection = DriverManager.getConnection(
                        url.substring(0, slash + 1),
                        System.getProperty("ppv.it.datasource.user"),
                        System.getProperty("ppv.it.datasource.password"));
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset test database " + database, e);
        }
    }
}
