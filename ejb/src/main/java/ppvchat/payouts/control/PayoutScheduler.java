package ppvchat.payouts.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.metering.control.MeteringNode;
import ppvchat.metering.control.NodeRegistry;
import ppvchat.payouts.entity.PayoutRun;

/**
 * Starts payout job executions: for a run the console asked for, for runs the sites' calendars make due
 * (looked at every 30 seconds by default, {@code ppv.payouts.look-seconds}, so a run due while the server was down starts when it is back), and again
 * for a run whose execution died with its server: on this node after a restart, or on another node whose
 * heartbeat stopped. The job resumes such a run after its last committed chunk.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutScheduler {

    /** The job XML's name, under META-INF/batch-jobs in the batch module. */
    public static final String JOB = "payout-statements";

    public static final String RUN_ID = "runId";

    private static final Duration UNCLAIMED = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(PayoutScheduler.class.getName());

    /** Run id to the job execution this JVM started for it. */
    private final Map<Long, Long> executions = new ConcurrentHashMap<>();

    @Resource
    TimerService timers;

    @Inject
    PayoutRunBook book;

    @Inject
    MeteringNode node;

    @Inject
    NodeRegistry nodes;

    @Inject
    Clock clock;

    /** How often the calendars and orphaned runs are looked at. */
    @Inject
    @ConfigProperty(name = "ppv.payouts.look-seconds", defaultValue = "30")
    int lookSeconds;

    @PostConstruct
    void lookRegularly() {
        // The batch runtime is ready once the application is: the first look comes a few seconds later.
        long every = Math.max(1, lookSeconds) * 1000L;
        timers.createIntervalTimer(Math.min(5_000, every), every, new TimerConfig("payouts: calendar", false));
    }

    @Timeout
    void everyFewSeconds() {
        look();
    }

    synchronized void look() {
        try {
            book.openDue().forEach(this::launch);
            for (PayoutRun run : book.active()) {
                if (orphaned(run)) {
                    LOG.info(() -> "resuming payout run " + run.id() + " of site " + run.webmasterId()
                            + " left by node " + run.node());
                    launch(run.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "payout calendar check failed; next try in 30 s", e);
        }
    }

    /** Starts a job execution for the run unless this JVM already executes it. */
    public synchronized void launch(long runId) {
        if (executing(runId)) {
            return;
        }
        Properties parameters = new Properties();
        parameters.setProperty(RUN_ID, Long.toString(runId));
        JobOperator operator = BatchRuntime.getJobOperator();
        executions.put(runId, operator.start(JOB, parameters));
    }

    public boolean executing(long runId) {
        Long execution = executions.get(runId);
        if (execution == null) {
            return false;
        }
        BatchStatus status =
                BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        boolean alive = status == BatchStatus.STARTING || status == BatchStatus.STARTED;
        if (!alive) {
            executions.remove(runId, execution);
        }
        return alive;
    }

    /** Queued and never taken, or running on a node that is not executing it any more. */
    private boolean orphaned(PayoutRun run) {
        if (executing(run.id())) {
            return false;
        }
        if (run.node() == null) {
            // Queued: the node that opened it launched it at once; take it over only if nobody did.
            return run.requestedAt().isBefore(clock.instant().minus(UNCLAIMED));
        }
        if (run.node().equals(node.name())) {
            return true;
        }
        return nodes.find(run.node())
                .map(other -> other.stopped()
                        || other.heartbeatAt().isBefore(clock.instant().minus(node.timeout())))
                .orElse(true);
    }
}
