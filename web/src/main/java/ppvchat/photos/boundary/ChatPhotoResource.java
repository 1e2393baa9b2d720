package ppvchat.photos.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * A photo shared in a chat, for anyone holding its URL: an {@code <img>} cannot send a token, and the random
 * id is what grants access. Served so that it can only ever be shown, never run or sniffed as something else.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/chat-photos")
public class ChatPhotoResource {

    @Inject
    Photos photos;

    @GET
    @Path("{photoId: [0-9a-fA-F-]{36}}")
    public Response photo(@PathParam("webmasterId") long webmasterId, @PathParam("photoId") String photoId) {
        PhotoFile file = photos.file(webmasterId, photoId.toLowerCase(Locale.ROOT));
        return Response.ok(file.content(), file.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"" + file.fileName() + "\"")
                // Private: a shared cache must not keep a photo a moderator may take down.
                .header("Cache-Control", "private, max-age=86400")
                // The chat is embedded in other sites' pages.
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }
}
