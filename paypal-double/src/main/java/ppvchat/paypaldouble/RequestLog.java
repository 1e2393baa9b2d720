package ppvchat.paypaldouble;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Consumer;

/** One line per request: method, path and status. The query and headers stay out: they carry tokens. */
final class RequestLog extends Filter {

    private final Consumer<String> lines;

    RequestLog(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        try {
            chain.doFilter(exchange);
        } finally {
            lines.accept(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " " + exchange.getResponseCode());
        }
    }

    @Override
    public String description() {
        return "Logs method, path and status of each request";
    }
}
