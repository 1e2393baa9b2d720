package ppvchat.support.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import ppvchat.platform.entity.DomainException;
import ppvchat.rest.Bearer;
import ppvchat.rest.NoStore;
import ppvchat.support.entity.TicketStatus;

/**
 * The signed-in performer's (or chat moderator's) own support tickets, for the performer page: list them,
 * open one, read its thread, reply. Anyone else's ticket is not found. Text goes out exactly as it was typed;
 * the client shows it as text.
 */
@RequestScoped
@Path("webmasters/{webmasterId: [0-9]{1,18}}/support/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class SupportResource {

    /** What the client sends to open a ticket. */
    public record NewTicket(String subject, String body) {}

    /** What the client sends to reply. */
    public record NewReply(String body) {}

    /** A ticket on the wire; times are ISO-8601 instants. */
    public record Ticket(long id, String subject, String status, String createdAt, String lastActivity, long messages) {

        static Ticket of(SupportDesk.Summary s) {
            return new Ticket(
                    s.id(),
                    s.subject(),
                    s.status().name(),
                    s.createdAt().toString(),
                    s.lastActivity().toString(),
                    s.messages());
        }
    }

    /** A message on the wire: {@code mine} for the caller's own, {@code staff} for the site's answers. */
    public record Message(long id, boolean mine, boolean staff, String at, String body) {}

    /** A ticket with its whole thread, oldest first. */
    public record Thread(Ticket ticket, List<Message> messages) {

        static Thread of(SupportDesk.Thread thread) {
            return new Thread(
                    Ticket.of(thread.ticket()),
                    thread.messages().stream()
                            .map(m -> new Message(m.id(), m.mine(), m.staff(), m.at().toString(), m.body()))
                            .toList());
        }
    }

    /** A page of the caller's tickets, newest activity first, with how many there are in each status. */
    public record Tickets(List<Ticket> tickets, long total, long open, long answered, long closed) {}

    private static final int PAGE = 50;

    @Inject
    SupportDesk desk;

    @GET
    public Response mine(
            @PathParam("webmasterId") long webmasterId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("status") String status,
            @QueryParam("first") @DefaultValue("0") int first) {
        Requester me = Requester.chat(Bearer.token(authorization));
        TicketStatus filter = status(status);
        SupportDesk.Counts counts = desk.counts(webmasterId, me);
        List<Ticket> page = desk.list(webmasterId, me, filter, first, PAGE).stream()
                .map(Ticket::of)
                .toList();
        return answer(
                Response.Status.OK,
                new Tickets(
                        page, desk.count(webmasterId, me, filter), counts.open(), counts.answered(), counts.closed()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(
            @PathParam("webmasterId") long webmasterId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            NewTicket ticket) {
        if (ticket == null) {
            throw new DomainException("send a subject and a message");
        }
        return answer(
                Response.Status.CREATED,
                Thread.of(desk.open(
                        webmasterId, Requester.chat(Bearer.token(authorization)), ticket.subject(), ticket.body())));
    }

    @GET
    @Path("{ticketId: [0-9]{1,18}}")
    public Response thread(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("ticketId") long ticketId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(
                Response.Status.OK,
                Thread.of(desk.thread(webmasterId, Requester.chat(Bearer.token(authorization)), ticketId)));
    }

    @POST
    @Path("{ticketId: [0-9]{1,18}}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("ticketId") long ticketId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            NewReply reply) {
        if (reply == null) {
            throw new DomainException("send a message");
        }
        return answer(
                Response.Status.OK,
                Thread.of(
                        desk.reply(webmasterId, Requester.chat(Bearer.token(authorization)), ticketId, reply.body())));
    }

    private static TicketStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new DomainException("status is OPEN, ANSWERED or CLOSED");
        }
    }

    /** Tickets are personal: never cached. */
    private static Response answer(Response.Status status, Object body) {
        return Response.status(status)
                .cacheControl(NoStore.cacheControl())
                .entity(body)
                .build();
    }
}
