package ppvchat.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The system properties the ear module's failsafe configuration hands to the system tests. */
final class SystemTestSettings {

    private SystemTestSettings() {}

    static String value(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key
                    + " is not set: run the system tests through the ear module (./mvnw -pl ear verify)");
        }
        return value;
    }

    static Path existingFile(String key) {
        Path path = Path.of(value(key)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(key + " points to " + path + ", which does not exist: build first");
        }
        return path;
    }

    /** An empty directory under {@code ppv.work} for one test class; what an earlier run left there is removed. */
    static Path freshWorkDir(String name) {
        return Directories.fresh(
                Path.of(value("ppv.work")).toAbsolutePath().normalize().resolve(name));
    }

    /** Settings of a server with the load driver on, running on the MariaDB database at {@code url}. */
    static Map<String, String> loadTestOnMariaDb(String url) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ppv.datasource.class", "org.mariadb.jdbc.MariaDbDataSource");
        settings.put("ppv.datasource.url", url);
        settings.put("ppv.datasource.user", value("ppv.mariadb.user"));
        settings.put("ppv.datasource.password", value("ppv.mariadb.password"));
        settings.put("ppv.loadtest.enabled", "true");
        return settings;
    }
}
