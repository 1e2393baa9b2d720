package ppvchat.wall.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.boundary.Photo;

/** The performer wall of one webmaster's site, and the photos on it. */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}")
public class WallResource {

    @Inject
    PerformerWall wall;

    @Context
    UriInfo uri;

    @GET
    @Path("performers")
    @Produces(MediaType.APPLICATION_JSON)
    public List<WallPerformer> performers(@PathParam("webmasterId") long webmasterId) {
        return wall.of(webmasterId).stream()
                .map(entry -> WallPerformer.of(entry, uri, webmasterId))
                .toList();
    }

    @GET
    @Path("photos/{photoId: [0-9]{1,18}}")
    public Response photo(@PathParam("webmasterId") long webmasterId, @PathParam("photoId") long photoId) {
        Photo photo = wall.photo(webmasterId, photoId);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(photo.content(), photo.contentType())
                .cacheControl(cache)
                // Photos are shown, never run: an SVG may not load scripts or anything else.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
