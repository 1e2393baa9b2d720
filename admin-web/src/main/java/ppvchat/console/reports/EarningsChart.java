package ppvchat.console.reports;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.function.Function;
import ppvchat.reports.boundary.EarningsReport;

/**
 * The Chart.js configuration of a report's per-day series for {@code p:chart}: tip credits and show
 * credits stacked per day. PrimeFaces puts the configuration into a script as it is, so it is written by
 * JSON-P and any {@code <}, {@code >} or {@code &} is escaped, whatever a label may hold.
 */
final class EarningsChart {

    private EarningsChart() {}

    static String of(EarningsReport report) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        report.days().forEach(day -> labels.add(day.day().toString()));
        String json = Json.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(series(
                                                        report,
                                                        "Tip credits",
                                                        "#e96fb6",
                                                        EarningsReport.Day::tipCredits))
                                                .add(series(
                                                        report,
                                                        "Show credits",
                                                        "#5b3cc4",
                                                        EarningsReport.Day::showCredits))))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "x",
                                                        Json.createObjectBuilder()
                                                                .add("stacked", true))
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("stacked", true)
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static jakarta.json.JsonObjectBuilder series(
            EarningsReport report, String label, String color, Function<EarningsReport.Day, Long> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        report.days().forEach(day -> data.add(value.apply(day)));
        return Json.createObjectBuilder()
                .add("label", label)
                .add("backgroundColor", color)
                .add("data", data);
    }
}
