package ppvchat.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident memory of a process, where Linux shows it in {@code /proc/<pid>/status}. */
final class ProcessMemory {

    private ProcessMemory() {}

    static OptionalLong residentKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone: nothing to measure.
        }
        return OptionalLong.empty();
    }
}
