package ppvchat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** CPU time a process has used (user + system), where Linux shows it in {@code /proc/<pid>/stat}. */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {}

    /** Seconds of CPU the process has used so far, or empty when it cannot be read. */
    static OptionalDouble seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name is in parentheses and may hold spaces: fields are counted after its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalDouble.of(ticks / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** The one process on this machine whose command is {@code name}, if there is exactly one. */
    static OptionalLong pidOf(String name) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            List<Long> found = processes
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> {
                        try {
                            return Files.readString(dir.resolve("comm")).strip().equals(name);
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    })
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .toList();
            return found.size() == 1 ? OptionalLong.of(found.get(0)) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
