package ppvchat.photos.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import ppvchat.rest.Bearer;
import ppvchat.rest.NoStore;

/**
 * A user shares a picture in a room's chat: the raw bytes as the body (no multipart), the chat token as a bearer
 * token. Any declared type reaches the boundary, which answers 415 itself with a sentence for the person.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/rooms/{performerId: [0-9]{1,18}}/photos")
public class PhotoUploadResource {

    /** The answer to an upload: the chat line that shows the photo, and the photo. */
    public record Uploaded(String messageId, String url, int width, int height) {}

    @Inject
    Photos photos;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("performerId") long performerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
            InputStream body) {
        SharedPhoto shared =
                photos.share(webmasterId, Bearer.token(authorization), performerId, contentType, contentLength, body);
        String url = PhotoLinks.path(webmasterId, shared.photoId());
        return Response.created(URI.create(url))
                .entity(new Uploaded(shared.messageId(), url, shared.width(), shared.height()))
                .cacheControl(NoStore.cacheControl())
                .build();
    }
}
