package ppvchat.system;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
