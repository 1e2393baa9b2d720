package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dispatches on method and path, and turns refusals and failures into PayPal-shaped answers. */
final class Router implements HttpHandler {

    /** Handles one route; path parameters are the pattern's groups in order. */
    interface Action {
        void handle(HttpExchange exchange, List<String> pathParameters) throws IOException;
    }

    private record Route(String method, Pattern path, Action action) {}

    private final List<Route> routes = new ArrayList<>();
    private final Consumer<String> activityLog;

    Router(Consumer<String> activityLog) {
        this.activityLog = activityLog;
    }

    Router on(String method, String pathRegex, Action action) {
        routes.add(new Route(method, Pattern.compile(pathRegex), action));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean pathKnown = false;
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(path);
                if (!matcher.matches()) {
                    continue;
                }
                pathKnown = true;
                if (route.method().equals(exchange.getRequestMethod())) {
                    run(route.action(), exchange, parameters(matcher));
                    return;
                }
            }
            if (pathKnown) {
                Exchanges.text(exchange, 405, "Method not allowed");
            } else if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
                Exchanges.json(
                        exchange,
                        404,
                        ApiError.notFound("No such resource: " + path).toJson());
            } else {
                Exchanges.html(exchange, 404, Html.page("Not found", "<h1>Not found</h1>"));
            }
        }
    }

    private void run(Action action, HttpExchange exchange, List<String> parameters) throws IOException {
        try {
            action.handle(exchange, parameters);
        } catch (ApiError refusal) {
            Exchanges.json(exchange, refusal.status(), refusal.toJson());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            activityLog.accept("internal error on " + exchange.getRequestURI().getPath() + ": " + e);
            Exchanges.json(exchange, 500, ApiError.internal().toJson());
        }
    }

    private static List<String> parameters(Matcher matcher) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            values.add(matcher.group(i));
        }
        return values;
    }
}
