package ppvchat.performers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import ppvchat.rest.Bearer;
import ppvchat.rest.NoStore;
import ppvchat.wall.boundary.WallPerformer;

/** The signed-in performer's own card and today's earnings, for the performer page. */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/performers/me")
@Produces(MediaType.APPLICATION_JSON)
public class PerformerDeskResource {

    /** The performer page's figures; {@code earnings} is money, as a string. */
    public record Today(
            LocalDate day,
            long tips,
            long tipCredits,
            long shows,
            long showSeconds,
            long showCredits,
            long credits,
            String earnings,
            String currency) {}

    /** The performer as the wall shows them, and today. */
    public record Desk(
            long id,
            String displayName,
            String headline,
            int pricePerMinute,
            String photoUrl,
            String status,
            Today today) {}

    @Inject
    PerformerDesk desks;

    @Context
    UriInfo uri;

    @GET
    public Response mine(
            @PathParam("webmasterId") long webmasterId, @HeaderParam("Authorization") String authorization) {
        PerformerDesk.Desk desk = desks.of(webmasterId, Bearer.token(authorization));
        WallPerformer card = WallPerformer.of(desk.performer(), uri, webmasterId);
        PerformerDay day = desk.today();
        Today today = new Today(
                day.day(),
                day.tips(),
                day.tipCredits(),
                day.shows(),
                day.showSeconds(),
                day.showCredits(),
                day.credits(),
                day.earnings().toPlainString(),
                day.currency());
        return Response.ok(new Desk(
                        card.id(),
                        card.displayName(),
                        card.headline(),
                        card.pricePerMinute(),
                        card.photoUrl(),
                        card.status(),
                        today))
                .cacheControl(NoStore.cacheControl())
                .build();
    }
}
