package ppvchat.payments.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.rest.Bearer;
import ppvchat.rest.NoStore;

/**
 * A signed-in user's PayPal orders: make one for a package, read it, ask for its capture. The body names
 * only the package; what it costs and who is paid come from the server.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/paypal/orders")
@Produces(MediaType.APPLICATION_JSON)
public class PaypalOrdersResource {

    /** What the client asks for. */
    public record NewOrder(@NotNull @Positive Long packageId) {}

    /** An order on the wire; the price is a string, exact. */
    public record Order(String order, String status, long credits, String price, String currency, String approveUrl) {

        static Order of(OrderView view) {
            return new Order(
                    view.order(),
                    view.status(),
                    view.credits(),
                    view.price().toPlainString(),
                    view.currency(),
                    "CREATED".equals(view.status()) ? view.approveUrl() : null);
        }
    }

    @Inject
    Checkout checkout;

    /** Where PayPal sends buyers back to; the request's own address when not set (no proxy in front). */
    @Inject
    @ConfigProperty(name = "ppv.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(
            @PathParam("webmasterId") long webmasterId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull @Valid NewOrder request) {
        URI base = publicUrl
                .filter(url -> !url.isBlank())
                .map(URI::create)
                .orElse(uri.getBaseUri().resolve("/"));
        return answer(
                Response.Status.CREATED,
                checkout.open(webmasterId, Bearer.token(authorization), request.packageId(), base));
    }

    /** An order is personal and changes: never cached. */
    private static Response answer(Response.Status status, OrderView view) {
        return Response.status(status)
                .cacheControl(NoStore.cacheControl())
                .entity(Order.of(view))
                .build();
    }

    @GET
    @Path("{order: [0-9a-f-]{36}}")
    public Response status(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("order") String order,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(Response.Status.OK, checkout.status(webmasterId, Bearer.token(authorization), order));
    }

    /** Cancels an order the buyer has not approved yet; any other is answered as it stands. */
    @POST
    @Path("{order: [0-9a-f-]{36}}/cancel")
    public Response cancel(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("order") String order,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(Response.Status.OK, checkout.cancel(webmasterId, Bearer.token(authorization), order));
    }

    @POST
    @Path("{order: [0-9a-f-]{36}}/capture")
    public Response capture(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("order") String order,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(Response.Status.OK, checkout.capture(webmasterId, Bearer.token(authorization), order));
    }
}
