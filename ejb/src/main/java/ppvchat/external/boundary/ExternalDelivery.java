package ppvchat.external.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.external.control.ExternalCallFailed;
import ppvchat.external.control.ExternalMoves;
import ppvchat.external.control.ExternalRefusal;
import ppvchat.external.control.SiteServers;
import ppvchat.external.control.WebmasterServer;
import ppvchat.external.entity.ExternalMove;
import ppvchat.external.entity.Refund;
import ppvchat.external.entity.ShowReport;
import ppvchat.external.entity.TipReport;
import ppvchat.ledger.control.CreditsElsewhere;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;

/**
 * Delivers what the chat owes sites' servers in external mode: refunds of unused show credits and reports of
 * shows and tips, until each is confirmed; and undoes debits that were sent but never booked here (their
 * transaction rolled back, or their node died), a minute after they were written. Every call repeats safely
 * (idempotency keys), so two nodes delivering the same move, or a retry of one that did arrive, moves nothing
 * twice. A server that does not answer is tried again later, waiting longer each time (up to ten minutes).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExternalDelivery {

    private static final Logger LOG = Logger.getLogger(ExternalDelivery.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int BATCH = 100;

    private final AtomicBoolean delivering = new AtomicBoolean();

    @Resource
    TimerService timers;

    @Inject
    ExternalMoves moves;

    @Inject
    SiteServers servers;

    @Inject
    Webmasters webmasters;

    @Inject
    CreditsElsewhere elsewhere;

    @Inject
    @ConfigProperty(name = "ppv.external.delivery-seconds", defaultValue = "2")
    int everySeconds;

    @PostConstruct
    void deliverRegularly() {
        long every = Math.max(1, everySeconds) * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("external mode: delivery", false));
    }

    @Timeout
    void onTimer() {
        deliverDue();
    }

    /** Sends every move that is due, one at a time; answers how many were settled (confirmed, refused or void). */
    public int deliverDue() {
        if (!delivering.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int settled = 0;
            Set<Long> down = new HashSet<>();
            for (ExternalMove move : moves.due(BATCH)) {
                if (down.contains(move.webmasterId())) {
                    continue; // one site that does not answer holds up no other site's deliveries
                }
                if (deliver(move)) {
                    settled++;
                } else {
                    down.add(move.webmasterId());
                }
            }
            return settled;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery to sites' servers failed; trying again at the next round", e);
            return 0;
        } finally {
            delivering.set(false);
        }
    }

    private boolean deliver(ExternalMove move) {
        try {
            WebmasterServer server = servers.of(webmasters.any(move.webmasterId()));
            switch (move.kind()) {
                case DEBIT -> moves.abandon(move.id());
                case REFUND -> refund(server, move);
                case SHOW_REPORT -> {
                    server.reportShow(JSON.fromJson(move.body(), ShowReport.class));
                    moves.confirm(move.id());
                }
                case TIP_REPORT -> {
                    server.reportTip(JSON.fromJson(move.body(), TipReport.class));
                    moves.confirm(move.id());
                }
            }
            return true;
        } catch (ExternalRefusal refused) {
            LOG.warning(() -> "site " + move.webmasterId() + " refused " + move.kind() + " " + move.key() + ": "
                    + refused.reason());
            moves.refuse(move.id(), refused.status() + " " + refused.reason());
            return true;
        } catch (ExternalCallFailed | DomainException notNow) {
            moves.failed(move.id(), notNow.getMessage(), Duration.ofSeconds(2L * Math.max(1, everySeconds)));
            return false;
        }
    }

    /** Gives credits back. The undo of a debit the site's server does not know is void: it was never applied. */
    private void refund(WebmasterServer server, ExternalMove refund) {
        try {
            long there = server.refund(
                            new Refund(refund.key(), refund.debitKey(), refund.hostUserId(), refund.credits()))
                    .balance();
            moves.confirm(refund.id());
            elsewhere.tell(refund.userId(), there);
        } catch (ExternalRefusal refused) {
            if (!refused.notFound() || !refund.key().startsWith(ExternalMoves.UNDO)) {
                throw refused;
            }
            moves.voidIt(refund.id());
        }
        if (refund.key().startsWith(ExternalMoves.UNDO)) {
            LOG.info(() ->
                    "site " + refund.webmasterId() + ": debit " + refund.debitKey() + " was never booked here; undone");
        }
    }
}
