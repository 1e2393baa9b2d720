package ppvchat.payments.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import ppvchat.payments.control.WebhookThrottle;
import ppvchat.payments.entity.MalformedPaypalMessage;

/**
 * The one endpoint PayPal delivers webhooks to (register {@code https://<server>/api/paypal/webhooks}).
 * Answers 200 as soon as the delivery is stored; verification and what follows run after the answer.
 */
@RequestScoped
@Path("paypal/webhooks")
public class PaypalWebhookResource {

    /** The answer: the stored message's id, for PayPal's delivery log and ours. */
    public record Received(long message) {}

    @Inject
    PaypalWebhooks webhooks;

    @Inject
    WebhookThrottle throttle;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body)
            throws IOException {
        throttle.take(request.getRemoteAddr());
        // Read at most one byte more than any PayPal event, so a huge body is refused without being held.
        byte[] bytes = body.readNBytes(PaypalWebhooks.MAX_BYTES + 1);
        Map<String, String> paypalHeaders = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (name.regionMatches(true, 0, "PAYPAL-", 0, 7) && !values.isEmpty()) {
                paypalHeaders.put(name, values.get(0));
            }
        });
        if (bytes.length > PaypalWebhooks.MAX_BYTES) {
            throw new MalformedPaypalMessage("the body is larger than any PayPal event");
        }
        return Response.ok(new Received(webhooks.receive(paypalHeaders, new String(bytes, StandardCharsets.UTF_8))))
                .build();
    }
}
