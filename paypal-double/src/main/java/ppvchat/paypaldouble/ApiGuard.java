package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;

/** What every REST call passes first: a failure the test scripted, then the Bearer token. */
final class ApiGuard {

    private final ScriptedFailures failures;
    private final AccessTokens tokens;

    ApiGuard(ScriptedFailures failures, AccessTokens tokens) {
        this.failures = failures;
        this.tokens = tokens;
    }

    /** Throws the scripted failure for operation, if one is due, and then refuses a missing or unknown token. */
    void admit(HttpExchange exchange, String operation) {
        failIfScripted(operation);
        if (!tokens.isValidBearer(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw ApiError.authentication();
        }
    }

    void failIfScripted(String operation) {
        var status = failures.take(operation);
        if (status.isPresent()) {
            throw ApiError.scripted(status.getAsInt());
        }
    }

    /** PayPal-Request-Id, or null when absent or blank. */
    static String requestId(HttpExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst("PayPal-Request-Id");
        return id == null || id.isBlank() ? null : id.trim();
    }
}
