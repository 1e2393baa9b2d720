package ppvchat.payments.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.payments.control.PaypalMessages;
import ppvchat.payments.control.PaypalOrders;

/**
 * What could not be finished at once is finished here, every few seconds: webhooks not yet verified or
 * acted on (PayPal was down, the server restarted, a refund came before its capture), and approved
 * orders whose capture failed. Approvals PayPal has forgotten (three hours) end the order.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaypalRetries {

    private static final Logger LOG = Logger.getLogger(PaypalRetries.class.getName());
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration APPROVAL_LIFETIME = Duration.ofHours(3);
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(30);

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "ppv.paypal.retry-seconds", defaultValue = "10")
    int retrySeconds;

    @Inject
    PaypalMessages messages;

    @Inject
    PaypalOrders orders;

    @Inject
    WebhookProcessor processor;

    @Inject
    Checkout checkout;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = Duration.ofSeconds(Math.max(1, retrySeconds)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("paypal-retries", false));
    }

    @Timeout
    void retry() {
        if (!running.compareAndSet(false, true)) {
            return; // the last round is still busy (PayPal slow): skip this one
        }
        try {
            Instant now = clock.instant();
            for (String reference : orders.awaitingCapture(now.minus(SETTLE), 20)) {
                checkout.retryCapture(reference);
            }
            Instant deadline = now.plus(ROUND_BUDGET);
            for (long id : messages.due(now, 100)) {
                if (clock.instant().isAfter(deadline)) {
                    break; // PayPal is slow: the rest waits for the next round
                }
                processor.process(id);
            }
            orders.expire(now.minus(APPROVAL_LIFETIME));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PayPal retries failed; next round in " + retrySeconds + " s", e);
        } finally {
            running.set(false);
        }
    }
}
