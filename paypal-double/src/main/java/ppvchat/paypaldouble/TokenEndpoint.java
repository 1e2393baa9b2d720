package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/** POST /v1/oauth2/token: client credentials in, a Bearer token out. */
final class TokenEndpoint implements Router.Action {

    private final ApiGuard guard;
    private final AccessTokens tokens;

    TokenEndpoint(ApiGuard guard, AccessTokens tokens) {
        this.guard = guard;
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange exchange, List<String> pathParameters) throws IOException {
        guard.failIfScripted("token");
        String body = Exchanges.body(exchange);
        if (!tokens.isClient(exchange.getRequestHeaders().getFirst("Authorization"))) {
            // OAuth errors have their own shape, not the REST APIs' one.
            Exchanges.json(
                    exchange,
                    401,
                    JsonSupport.object()
                            .add("error", "invalid_client")
                            .add("error_description", "Client Authentication failed")
                            .build());
            return;
        }
        if (!"client_credentials".equals(Exchanges.form(body).get("grant_type"))) {
            Exchanges.json(
                    exchange,
                    400,
                    JsonSupport.object()
                            .add("error", "unsupported_grant_type")
                            .add("error_description", "Grant Type is NULL or not client_credentials")
                            .build());
            return;
        }
        Exchanges.json(exchange, 200, tokens.issue());
    }
}
