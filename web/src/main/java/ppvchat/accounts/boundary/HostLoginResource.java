package ppvchat.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import ppvchat.accounts.control.ChatToken;
import ppvchat.rest.NoStore;
import ppvchat.tenancy.control.RequestSignature;

/**
 * For the host site's server, not for browsers: it posts its signed-in user as JSON, signed with the site's
 * API secret, and gets a one-use login token to put in the chat's script tag ({@code data-login}). The
 * secret itself never travels; the body is read as bytes because the signature is over them.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/host/logins")
public class HostLoginResource {

    /** The token for the script tag's {@code data-login}, and when it stops being accepted. */
    public record Login(String login, Instant expiresAt) {}

    @Inject
    HostSignIn hostSignIn;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signLogin(
            @PathParam("webmasterId") long webmasterId,
            @HeaderParam(RequestSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(RequestSignature.SIGNATURE_HEADER) String signature,
            byte[] body) {
        ChatToken token = hostSignIn.signLogin(webmasterId, timestamp, signature, body);
        return Response.status(201)
                .entity(new Login(token.value(), token.expiresAt()))
                .cacheControl(NoStore.cacheControl())
                .build();
    }
}
