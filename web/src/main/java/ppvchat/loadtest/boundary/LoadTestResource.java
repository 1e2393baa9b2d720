package ppvchat.loadtest.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ppvchat.external.boundary.ExternalBooks;
import ppvchat.ledger.boundary.Reconciliation;
import ppvchat.ledger.boundary.ReconciliationReport;
import ppvchat.metering.control.Heartbeat;
import ppvchat.metering.control.MeteringNode;
import ppvchat.metering.control.Meters;
import ppvchat.metering.control.TickStats;
import ppvchat.platform.entity.NotFound;
import ppvchat.realtime.Fanout;

/**
 * The load driver over HTTP, for the benchmark command and the crash test. Answers only when
 * {@code ppv.loadtest.enabled} is true, and only to this machine.
 */
@RequestScoped
@Path("loadtest")
@Produces(MediaType.APPLICATION_JSON)
public class LoadTestResource {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @Inject
    LoadTest loadTest;

    @Inject
    TickStats ticks;

    @Inject
    Meters meters;

    @Inject
    Reconciliation reconciliation;

    @Inject
    ExternalBooks externalBooks;

    @Inject
    Heartbeat heartbeat;

    @Inject
    MeteringNode node;

    @Inject
    Fanout fanout;

    @Context
    HttpServletRequest request;

    @POST
    @Path("shows")
    public StartedShows startShows(
            @QueryParam("count") @DefaultValue("100") int count,
            @QueryParam("rate") @DefaultValue("60") int ratePerMinute,
            @QueryParam("credits") @DefaultValue("100000") long credits,
            @BeanParam PolicyParams policy) {
        requireLocal();
        return loadTest.startShows(count, ratePerMinute, credits, policy.policy());
    }

    /** A site for protocol tests and the fan-out benchmark, with signed tokens for everyone on it. */
    @POST
    @Path("sites")
    public TestSite site(
            @QueryParam("performers") @DefaultValue("1") int performers,
            @QueryParam("users") @DefaultValue("2") int users,
            @QueryParam("credits") @DefaultValue("1000") long credits,
            @QueryParam("rate") @DefaultValue("60") int ratePerMinute,
            @QueryParam("watchers") @DefaultValue("0") int watchers,
            @QueryParam("origin") @DefaultValue("http://localhost:8080") String origin,
            @QueryParam("badWords") @DefaultValue("") String badWords,
            @BeanParam PolicyParams policy) {
        requireLocal();
        List<String> words =
                Arrays.stream(badWords.split(",")).filter(w -> !w.isBlank()).toList();
        return loadTest.site(performers, users, credits, ratePerMinute, watchers, origin, words, policy.policy());
    }

    @GET
    @Path("metering")
    public Map<String, Object> metering(@QueryParam("ticks") @DefaultValue("60") int lastTicks) {
        requireLocal();
        return Map.of(
                "runningShows",
                meters.count(),
                "node",
                node.name(),
                "ticks",
                ticks.summary(lastTicks),
                "heartbeat",
                heartbeat.stats());
    }

    @POST
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/end-shows")
    public Map<String, Integer> endShows(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        return Map.of("ended", loadTest.endShows(webmasterId));
    }

    /** Rows per kind of a site, and the sockets open on this server. */
    @GET
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/counts")
    public Map<String, Long> counts(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        Map<String, Long> counts = new LinkedHashMap<>(loadTest.counts(webmasterId));
        counts.put("sockets", (long) fanout.sessions());
        return counts;
    }

    @POST
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/users/{username}/credits")
    public Map<String, Long> grant(
            @PathParam("webmasterId") long webmasterId,
            @PathParam("username") String username,
            @QueryParam("credits") @DefaultValue("0") long credits) {
        requireLocal();
        return Map.of("credits", loadTest.grant(webmasterId, username, credits));
    }

    @GET
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/typing-audit")
    public List<Map<String, Object>> typingAudit(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        return loadTest.typingAudit(webmasterId);
    }

    /** External mode: the site's calls by status (PENDING ones are still owed). */
    @GET
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/external-moves")
    public Map<String, Long> externalMoves(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        Map<String, Long> counts = new LinkedHashMap<>();
        externalBooks.moves(webmasterId).forEach((status, count) -> counts.put(status.name(), count));
        return counts;
    }

    /** External mode: the last hour's calls compared with what the site's server says it applied. */
    @GET
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/external-books")
    public ExternalBooks.Comparison externalBooks(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        Instant now = Instant.now();
        return externalBooks.compare(webmasterId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)));
    }

    @GET
    @Path("webmasters/{webmasterId: [0-9]{1,18}}/reconciliation")
    public ReconciliationReport reconciliation(@PathParam("webmasterId") long webmasterId) {
        requireLocal();
        return reconciliation.check(webmasterId);
    }

    private void requireLocal() {
        if (!loadTest.enabled() || !LOOPBACK.contains(request.getRemoteAddr())) {
            throw new NotFound("not found");
        }
    }
}
