package ppvchat.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.TooManyAttempts;
import ppvchat.payments.entity.PaymentsNotSetUp;
import ppvchat.payments.entity.PaymentsUnavailable;
import ppvchat.photos.entity.PhotoRemoved;
import ppvchat.photos.entity.PhotoTooLarge;
import ppvchat.photos.entity.UnsupportedPhotoType;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;

/**
 * Turns every failure into a JSON {@link ErrorMessage}. Business rule violations say what was wrong;
 * anything unexpected is logged with an incident id, and only the id reaches the caller.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable cause = unwrap(exception);
        if (cause instanceof NotFound notFound) {
            return answer(Response.Status.NOT_FOUND.getStatusCode(), notFound.getMessage());
        }
        if (cause instanceof NotSignedIn notSignedIn) {
            return answer(Response.Status.UNAUTHORIZED.getStatusCode(), notSignedIn.getMessage());
        }
        if (cause instanceof Forbidden forbidden) {
            return answer(Response.Status.FORBIDDEN.getStatusCode(), forbidden.getMessage());
        }
        if (cause instanceof TooManyAttempts tooMany) {
            return Response.fromResponse(answer(429, tooMany.getMessage()))
                    .header("Retry-After", tooMany.retryAfterSeconds())
                    .build();
        }
        if (cause instanceof UnsupportedPhotoType unsupported) {
            return answer(Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode(), unsupported.getMessage());
        }
        if (cause instanceof PhotoTooLarge tooLarge) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), tooLarge.getMessage());
        }
        if (cause instanceof PhotoRemoved removed) {
            return answer(Response.Status.GONE.getStatusCode(), removed.getMessage());
        }
        if (cause instanceof PaymentsUnavailable unavailable) {
            return answer(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), unavailable.getMessage());
        }
        if (cause instanceof PaymentsNotSetUp notSetUp) {
            return answer(Response.Status.CONFLICT.getStatusCode(), notSetUp.getMessage());
        }
        if (cause instanceof DomainException | cause instanceof IllegalArgumentException) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(), cause.getMessage());
        }
        if (isUnreadableJson(cause)) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(), "the request body is not valid JSON");
        }
        if (cause instanceof ConstraintViolationException invalid) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(), "invalid request: " + invalid.getMessage());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return answer(
                    status,
                    Response.Status.fromStatusCode(status) == null
                            ? "request failed"
                            : Response.Status.fromStatusCode(status)
                                    .getReasonPhrase()
                                    .toLowerCase());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, cause);
        return answer(500, "internal error, incident " + incident);
    }

    private static boolean isUnreadableJson(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Response answer(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message))
                .build();
    }
}
