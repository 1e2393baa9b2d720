package ppvchat.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ppvchat.rest.Bearer;
import ppvchat.rest.NoStore;

/**
 * Signing in to one webmaster's chat over HTTPS: register, sign in, enter as a guest, sign in from the host
 * site with its login token, refresh a token.
 * Each answers a {@link SignedIn} with the token that the socket handshake presents; nothing here is ever
 * cached.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/chat")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    /** Username and password, as the sign-in and registration forms send them. */
    public record Credentials(String username, String password) {}

    /** A guest's nickname. */
    public record Nickname(String nickname) {}

    @Inject
    ChatSignIn signIn;

    @Inject
    HostSignIn hostSignIn;

    @Context
    HttpServletRequest request;

    @POST
    @Path("sessions")
    public Response signIn(@PathParam("webmasterId") long webmasterId, Credentials credentials) {
        Credentials given = credentials == null ? new Credentials(null, null) : credentials;
        return answer(200, signIn.signIn(webmasterId, given.username(), given.password(), request.getRemoteAddr()));
    }

    @POST
    @Path("users")
    public Response register(@PathParam("webmasterId") long webmasterId, Credentials credentials) {
        Credentials given = credentials == null ? new Credentials(null, null) : credentials;
        return answer(201, signIn.register(webmasterId, given.username(), given.password(), request.getRemoteAddr()));
    }

    @POST
    @Path("guests")
    public Response enterAsGuest(@PathParam("webmasterId") long webmasterId, Nickname nickname) {
        String nick = nickname == null ? null : nickname.nickname();
        return answer(201, signIn.enterAsGuest(webmasterId, nick, request.getRemoteAddr()));
    }

    /** A host login token (auto-login), traded once for a chat session. */
    public record HostLoginToken(String login) {}

    @POST
    @Path("host-sessions")
    public Response signInFromHost(@PathParam("webmasterId") long webmasterId, HostLoginToken login) {
        return answer(200, hostSignIn.redeem(webmasterId, login == null ? null : login.login()));
    }

    @POST
    @Path("sessions/refresh")
    public Response refresh(
            @PathParam("webmasterId") long webmasterId, @HeaderParam("Authorization") String authorization) {
        return answer(200, signIn.refresh(webmasterId, Bearer.token(authorization)));
    }

    /** The signed-in user and their balance, for a page that opens before any socket has said it. */
    @GET
    @Path("me")
    public Response me(@PathParam("webmasterId") long webmasterId, @HeaderParam("Authorization") String authorization) {
        return Response.ok(signIn.account(webmasterId, Bearer.token(authorization)))
                .cacheControl(NoStore.cacheControl())
                .build();
    }

    private static Response answer(int status, SignedIn signedIn) {
        return Response.status(status)
                .entity(signedIn)
                .cacheControl(NoStore.cacheControl())
                .build();
    }
}
