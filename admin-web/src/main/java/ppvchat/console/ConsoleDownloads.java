package ppvchat.console;

import java.io.ByteArrayInputStream;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import ppvchat.reports.boundary.Reports;

/** A file the console hands the browser (a report's or a payout run's CSV), as the export made it. */
public final class ConsoleDownloads {

    private ConsoleDownloads() {}

    public static StreamedContent of(Reports.Export export) {
        byte[] content = export.content();
        return DefaultStreamedContent.builder()
                .name(export.fileName())
                .contentType(export.contentType())
                .contentLength((long) content.length)
                .stream(() -> new ByteArrayInputStream(content))
                .build();
    }
}
