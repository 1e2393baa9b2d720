package ppvchat.payments.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The credit packages on sale, for the buy-credits dialog. Prices are strings: exact, never floating point. */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/packages")
@Produces(MediaType.APPLICATION_JSON)
public class PackagesResource {

    /** A package on the wire. */
    public record Offer(long id, long credits, String price, String currency, String description) {}

    @Inject
    CreditPackages packages;

    @GET
    public List<Offer> onSale(@PathParam("webmasterId") long webmasterId) {
        return packages.onSale(webmasterId).stream()
                .map(p -> new Offer(p.id(), p.credits(), p.price().toPlainString(), p.currency(), p.description()))
                .toList();
    }
}
