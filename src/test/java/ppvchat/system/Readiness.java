package ppvchat.system;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until the application reports ready: {@code /health/ready} answers 200 and lists the application's
 * own database check as UP. Payara keeps running (answering 404) when a deployment fails, and Payara Server
 * answers {@code /health} for itself, so neither a live process nor a 200 alone proves the application is up.
 */
final class Readiness {

    static final String PATH = "/health/ready";

    private Readiness() {}

    /**
     * @param serverAlive false once the server process is known to be gone (stop waiting)
     * @param diagnostics what to show when it never gets ready, typically the end of the server's log
     */
    static void await(HttpSession site, Duration timeout, BooleanSupplier serverAlive, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<HttpResponse<String>> last = site.tryGet(PATH);
        while (last.filter(Readiness::applicationIsReady).isEmpty()) {
            String lastAnswer =
                    last.map(r -> r.statusCode() + " " + abbreviate(r.body())).orElse("no answer");
            if (!serverAlive.getAsBoolean()) {
                fail("the server exited before " + site.uri(PATH) + " was ready (last: " + lastAnswer + ")\n"
                        + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                fail(site.uri(PATH) + " was not ready within " + timeout + " (last: " + lastAnswer + ")\n"
                        + diagnostics.get());
            }
            sleep(Duration.ofMillis(500));
            last = site.tryGet(PATH);
        }
    }

    private static boolean applicationIsReady(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            return ProductChecks.json(response.body())
                    .asJsonObject()
                    .getJsonArray("checks")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .anyMatch(check -> "database".equals(check.getString("name", null))
                            && "UP".equals(check.getString("status", null)));
        } catch (RuntimeException notTheExpectedJson) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
