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
            for (ExternalMove move : moves.due(BATCH)) {
                if (deliver(move)) {
                    settled++;
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
                case DEBIT -> undo(server, move);
                case REFUND -> {
                    long there = server.refund(
                                    new Refund(move.key(), move.debitKey(), move.hostUserId(), move.credits()))
                            .balance();
                    moves.confirm(move.id());
                    elsewhere.tell(move.userId(), there);
                }
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

    /** A debit never booked here: give it back whole. Unknown there means it was never applied. */
    private void undo(WebmasterServer server, ExternalMove debit) {
        try {
            server.refund(new Refund("undo:" + debit.key(), debit.key(), debit.hostUserId(), debit.credits()));
        } catch (ExternalRefusal refused) {
            if (!refused.notFound()) {
                throw refused;
            }
        }
        LOG.info(() -> "site " + debit.webmasterId() + ": debit " + debit.key() + " was never booked here; undone");
        moves.voidIt(debit.id());
    }
}
