package ppvchat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a failure message shows of a server's log: its first error and its end. */
final class Logs {

    private static final String ANSI_COLOUR = "\u001B\\[[0-9;]*m";

    private Logs() {}

    static String excerpt(Path log) {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines;
        try {
            // ISO-8859-1 reads any byte sequence, whatever the server wrote.
            lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .map(line -> line.replaceAll(ANSI_COLOUR, ""))
                    .toList();
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
        StringBuilder excerpt = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("SEVERE")) {
                excerpt.append("---- first error in ")
                        .append(log)
                        .append(" (line ")
                        .append(i + 1)
                        .append(") ----\n")
                        .append(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 20))))
                        .append('\n');
                break;
            }
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
        return excerpt.append("---- last ")
                .append(tail.size())
                .append(" lines of ")
                .append(log)
                .append(" ----\n")
                .append(String.join("\n", tail))
                .append("\n---- end of ")
                .append(log)
                .append(" ----")
                .toString();
    }
}
