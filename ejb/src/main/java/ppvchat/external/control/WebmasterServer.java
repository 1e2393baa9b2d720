package ppvchat.external.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import ppvchat.external.entity.Balance;
import ppvchat.external.entity.BalanceQuery;
import ppvchat.external.entity.Credentials;
import ppvchat.external.entity.CreditMove;
import ppvchat.external.entity.Debit;
import ppvchat.external.entity.ErrorAnswer;
import ppvchat.external.entity.HostUser;
import ppvchat.external.entity.Period;
import ppvchat.external.entity.Reconciliation;
import ppvchat.external.entity.Refund;
import ppvchat.external.entity.ReportReceipt;
import ppvchat.external.entity.ShowReport;
import ppvchat.external.entity.TipReport;
import ppvchat.tenancy.control.RequestSignature;

/**
 * One webmaster's own server in external mode: one method per call of the contract
 * ({@code docs/openapi/external-mode.yaml}), each a signed {@code POST {base}/{name}} with a JSON body.
 *
 * <p>Answers come back as records; a 4xx answer is final and thrown as {@link ExternalRefusal} (402 on a debit as
 * {@link InsufficientExternalCredits}); when every attempt fails the call throws {@link ExternalServerDown}. A
 * retry re-sends the same body and the same idempotency key with a fresh timestamp and signature, so the server
 * applies a debit at most once however often it is sent. Thread-safe; keep one per site.
 */
public class WebmasterServer {

    private static final Logger LOG = Logger.getLogger(WebmasterServer.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private static final int MAX_REASON = 300;

    private final ExternalSite site;
    private final CallPolicy policy;
    private final Clock clock;
    private final HttpClient http;

    public WebmasterServer(ExternalSite site) {
        this(site, CallPolicy.STANDARD, Clock.systemUTC());
    }

    public WebmasterServer(ExternalSite site, CallPolicy policy, Clock clock) {
        this.site = Objects.requireNonNull(site);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Checks a user's name and password on the webmaster's server; 401 when they are wrong. */
    public HostUser authenticate(String username, String password) {
        Credentials credentials = new Credentials(username, password);
        return call("authenticate", credentials, freshKey(), HostUser.class, password);
    }

    /** The user's credits on the webmaster's server; 404 when the user is unknown. */
    public Balance balance(String userId) {
        return call("balance", new BalanceQuery(userId), freshKey(), Balance.class, null);
    }

    /** Takes credits, at most once per key; throws {@link InsufficientExternalCredits} when there are too few. */
    public CreditMove debit(Debit debit) {
        return call("debit", debit, debit.key(), CreditMove.class, null);
    }

    /** Gives back part or all of a debit, at most once per key. */
    public CreditMove refund(Refund refund) {
        return call("refund", refund, refund.key(), CreditMove.class, null);
    }

    /** Reports a finished private show (key {@code show:<id>}). */
    public ReportReceipt reportShow(ShowReport report) {
        return call("shows", report, report.key(), ReportReceipt.class, null);
    }

    /** Reports a tip (key {@code tip:<id>}). */
    public ReportReceipt reportTip(TipReport report) {
        return call("tips", report, report.key(), ReportReceipt.class, null);
    }

    /** Every debit and refund the webmaster's server applied in [from, to). */
    public Reconciliation reconciliation(Instant from, Instant to) {
        return call("reconciliation", new Period(from, to), freshKey(), Reconciliation.class, null);
    }

    private <T> T call(String name, Object body, String key, Class<T> answerType, String password) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(name + " needs an idempotency key");
        }
        byte[] json = JSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        String lastFailure = "no attempt";
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1 && !pause(policy.retryDelays().get(attempt - 2))) {
                return interrupted(name, attempt - 1);
            }
            try {
                HttpResponse<String> answer = http.send(signed(name, json, key), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status >= 200 && status < 300) {
                    return read(name, answer.body(), answerType);
                }
                if (status >= 500 || status == 429) {
                    lastFailure = "status " + status;
                } else {
                    throw refusal(name, status, answer.body(), password);
                }
            } catch (HttpTimeoutException e) {
                lastFailure = "no answer within " + policy.requestTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return interrupted(name, attempt);
            }
            LOG.fine(() -> "" + site.baseUrl() + "/" + name + " attempt failed (key kept for the retry)");
        }
        LOG.warning(site.toString() + ": " + name + " failed after " + policy.attempts() + " attempts");
        throw new ExternalServerDown(name, policy.attempts(), redact(lastFailure, password));
    }

    private HttpRequest signed(String name, byte[] json, String key) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(site.endpoint(name))
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(RequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(site.secret(), timestamp, json))
                .header(RequestSignature.SITE_HEADER, site.webmasterId())
                .header(RequestSignature.IDEMPOTENCY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }

    private static <T> T read(String name, String body, Class<T> type) {
        try {
            T answer = JSON.fromJson(body, type);
            if (answer == null) {
                throw new ExternalAnswerInvalid(name, "empty body");
            }
            return answer;
        } catch (JsonbException e) {
            throw new ExternalAnswerInvalid(name, "the body is not the expected JSON");
        }
    }

    private ExternalRefusal refusal(String name, int status, String body, String password) {
        ErrorAnswer error = null;
        try {
            error = JSON.fromJson(body, ErrorAnswer.class);
        } catch (JsonbException | NullPointerException e) {
            // Not the contract's error shape: the status alone says enough.
        }
        String reason = error == null || error.error() == null ? "(no message)" : redact(error.error(), password);
        if (status == 402 && error != null && error.balance() != null) {
            return new InsufficientExternalCredits(name, reason, error.balance());
        }
        return new ExternalRefusal(name, status, reason);
    }

    /** The server's text, one line, bounded, with neither the secret nor the password in it. */
    private String redact(String text, String password) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").replace(site.secret(), "(secret)");
        if (password != null && !password.isEmpty()) {
            clean = clean.replace(password, "(password)");
        }
        return clean.length() > MAX_REASON ? clean.substring(0, MAX_REASON) + "…" : clean;
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T interrupted(String name, int attempts) {
        throw new ExternalServerDown(name, attempts, "interrupted");
    }

    private static String freshKey() {
        return UUID.randomUUID().toString();
    }
}
