package ppvchat.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import ppvchat.external.control.ExternalCallFailed;
import ppvchat.external.control.ExternalRefusal;
import ppvchat.external.control.ExternalSite;
import ppvchat.external.control.InsufficientExternalCredits;
import ppvchat.external.control.WebmasterServer;
import ppvchat.external.entity.CreditMove;
import ppvchat.external.entity.Debit;
import ppvchat.external.entity.HostUser;
import ppvchat.external.entity.Reconciliation;
import ppvchat.external.entity.Refund;
import ppvchat.external.entity.ReportReceipt;
import ppvchat.external.entity.ShowReport;
import ppvchat.external.entity.TipReport;

/**
 * The contract's checks, in order, against one webmaster's server. Calls that should work go through the
 * product's own {@link WebmasterServer}; calls that must be refused are sent raw. The test user's balance ends as
 * it started: one credit is debited and refunded; the show and tip reports are for zero money and say
 * "Contract check".
 */
final class ContractChecks {

    private static final Set<String> GENDERS = Set.of("female", "male", "couple", "other");
    private static final Set<String> ROLES = Set.of("user", "moderator", "guest");
    private static final long PERFORMER_ID = 1;
    private static final String PERFORMER = "Contract check";

    private final Options options;
    private final WebmasterServer server;
    private final RawCall raw;
    private final Consumer<CheckResult> out;
    private final List<CheckResult> results = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Long startBalance;
    private String debitKey;
    private String refundKey;

    ContractChecks(Options options, Consumer<CheckResult> out) {
        this.options = options;
        this.server = new WebmasterServer(ExternalSite.of(options.site(), options.url(), options.secret()));
        this.raw = new RawCall(options);
        this.out = out;
    }

    List<CheckResult> run() {
        Instant started = Instant.now();
        String user = quoted(options.userId());
        String balanceBody = "{\"userId\":" + user + "}";

        check("unsigned call refused (401)", () -> refusedWith(401, raw.unsigned("balance", balanceBody)));
        check(
                "wrong signature refused (401)",
                () -> refusedWith(
                        401,
                        raw.signed("balance", balanceBody, balanceBody, options.secret() + "-not-it", Instant.now())));
        check(
                "stale timestamp refused (401)",
                () -> refusedWith(
                        401,
                        raw.signed(
                                "balance",
                                balanceBody,
                                balanceBody,
                                options.secret(),
                                Instant.now().minusSeconds(600))));
        check(
                "tampered body refused (401)",
                () -> refusedWith(
                        401,
                        raw.signed(
                                "balance",
                                "{\"userId\":" + quoted(options.userId() + "x") + "}",
                                balanceBody,
                                options.secret(),
                                Instant.now())));

        check("authenticate with the right password", this::authenticate);
        check("authenticate with a wrong password refused (401)", () -> {
            refusal(401, () -> server.authenticate(options.username(), options.password() + "-wrong"));
            return "";
        });
        check("balance of the test user", () -> {
            startBalance = balance();
            return "credits " + startBalance;
        });
        check("balance of an unknown user refused (404)", () -> {
            refusal(404, () -> server.balance("contract-check-nobody-" + run));
            return "";
        });

        check("debit of 1 credit applies", this::debit);
        check("same debit key again is a replay, applied once", this::debitReplay);
        check("same debit key with other content refused (409)", () -> {
            needs(debitKey, "the debit");
            refusal(409, () -> server.debit(debit(debitKey, 2)));
            return "";
        });
        check("debit of more credits than the balance refused (402), nothing debited", this::tooMany);

        check("refund of that credit applies", this::refund);
        check("same refund key again is a replay, applied once", this::refundReplay);
        check("refund beyond the debit refused (409)", () -> {
            needs(refundKey, "the refund");
            refusal(409, () -> server.refund(new Refund(key("refund-2"), debitKey, options.userId(), 1)));
            return "balance " + expectBalance(startBalance);
        });

        long showId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
        check("show report kept once", () -> twice(() -> server.reportShow(show(showId, started))));
        check("tip report kept once", () -> twice(() -> server.reportTip(tip(showId, started))));
        check("reconciliation lists the debit and the refund", () -> reconciliation(started));

        check(
                "malformed JSON refused (400)",
                () -> refusedWith(400, raw.signed("debit", "{\"key\": \"" + run + "\", ")));
        check("unknown call refused (404)", () -> refusedWith(404, raw.signed("no-such-call", "{}")));
        check("test user's balance is as it was", () -> {
            needs(startBalance, "the first balance");
            return "credits " + expectBalance(startBalance);
        });
        return results;
    }

    private String authenticate() {
        HostUser user = server.authenticate(options.username(), options.password());
        expect(options.userId().equals(user.id()), "id is " + user.id() + ", expected " + options.userId());
        expect(options.username().equals(user.username()), "username is " + user.username());
        expect(GENDERS.contains(user.gender()), "gender " + user.gender() + " is not one of " + GENDERS);
        expect(ROLES.contains(user.role()), "role " + user.role() + " is not one of " + ROLES);
        expect(isUrlOrNull(user.image()), "image is not an absolute http(s) URL or null");
        expect(isUrlOrNull(user.profile()), "profile is not an absolute http(s) URL or null");
        return "id " + user.id() + ", role " + user.role();
    }

    private String debit() {
        needs(startBalance, "the first balance");
        expect(startBalance >= 1, "the test user needs at least 1 credit for the debit checks");
        debitKey = key("debit");
        CreditMove move = server.debit(debit(debitKey, 1));
        expect(!move.replayed(), "the first call says replayed: true");
        expect(move.credits() == 1, "credits " + move.credits() + ", expected 1");
        expect(
                move.balance() == startBalance - 1,
                "answered balance " + move.balance() + ", expected " + (startBalance - 1));
        return "balance " + expectBalance(startBalance - 1);
    }

    private String debitReplay() {
        needs(debitKey, "the debit");
        CreditMove move = server.debit(debit(debitKey, 1));
        long now = balance();
        expect(
                now == startBalance - 1,
                "the replay was applied again: balance " + now + ", expected " + (startBalance - 1) + " (replayed: "
                        + move.replayed() + ")");
        expect(move.replayed(), "answer says replayed: false");
        expect(move.balance() == startBalance - 1, "answered balance " + move.balance() + ", not the first answer's");
        return "balance " + now;
    }

    private String tooMany() {
        needs(debitKey, "the debit");
        long before = balance();
        try {
            server.debit(debit(key("too-many"), before + 1_000_000));
            throw new CheckFailed("accepted a debit of " + (before + 1_000_000) + " credits with " + before);
        } catch (InsufficientExternalCredits e) {
            expect(e.balance() == before, "402 says balance " + e.balance() + ", expected " + before);
        } catch (ExternalRefusal e) {
            throw new CheckFailed("refused with " + e.status() + " instead of 402 with the balance: " + e.reason());
        }
        return "balance " + expectBalance(before);
    }

    private String refund() {
        needs(debitKey, "the debit");
        refundKey = key("refund");
        CreditMove move = server.refund(new Refund(refundKey, debitKey, options.userId(), 1));
        expect(!move.replayed(), "the first call says replayed: true");
        expect(move.credits() == 1, "credits " + move.credits() + ", expected 1");
        return "balance " + expectBalance(startBalance);
    }

    private String refundReplay() {
        needs(refundKey, "the refund");
        CreditMove move = server.refund(new Refund(refundKey, debitKey, options.userId(), 1));
        long now = balance();
        expect(now == startBalance, "the replay was applied again: balance " + now + ", expected " + startBalance);
        expect(move.replayed(), "answer says replayed: false");
        return "balance " + now;
    }

    private String twice(java.util.function.Supplier<ReportReceipt> report) {
        ReportReceipt first = report.get();
        expect(!first.replayed(), "the first report says replayed: true");
        ReportReceipt second = report.get();
        expect(second.replayed(), "the same report again says replayed: false (kept twice?)");
        expect(first.key().equals(second.key()), "the answers' keys differ");
        return "key " + first.key();
    }

    private String reconciliation(Instant started) {
        needs(refundKey, "the debit and the refund");
        // Wide enough for clocks a few minutes apart; the keys are this run's own.
        Instant from = started.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Reconciliation applied = server.reconciliation(from, to);
        expect(
                applied.debits().stream()
                        .anyMatch(d -> d.key().equals(debitKey)
                                && d.credits() == 1
                                && d.userId().equals(options.userId())),
                "the debit " + debitKey + " is not listed (once, 1 credit)");
        expect(
                applied.debits().stream().filter(d -> d.key().equals(debitKey)).count() == 1,
                "the debit is listed twice");
        expect(
                applied.refunds().stream()
                        .anyMatch(r -> r.key().equals(refundKey) && debitKey.equals(r.debitKey()) && r.credits() == 1),
                "the refund " + refundKey + " is not listed");
        return applied.debits().size() + " debits, " + applied.refunds().size() + " refunds in the period";
    }

    private void check(String name, java.util.function.Supplier<String> body) {
        CheckResult result;
        try {
            result = new CheckResult(name, true, body.get());
        } catch (CheckFailed e) {
            result = new CheckResult(name, false, e.getMessage());
        } catch (ExternalCallFailed e) {
            result = new CheckResult(name, false, e.getMessage());
        } catch (RuntimeException e) {
            result = new CheckResult(name, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        results.add(result);
        out.accept(result);
    }

    private static String refusedWith(int status, RawCall.Answer answer) {
        expect(answer.status() == status, "answered " + answer.brief());
        expect(answer.isJsonError(), "the answer is not {\"error\": …}: " + answer.brief());
        return "";
    }

    private static void refusal(int status, Runnable call) {
        try {
            call.run();
        } catch (ExternalRefusal e) {
            expect(e.status() == status, "refused with " + e.status() + ": " + e.reason());
            return;
        }
        throw new CheckFailed("accepted (200)");
    }

    private long balance() {
        return server.balance(options.userId()).credits();
    }

    private long expectBalance(long expected) {
        long now = balance();
        expect(now == expected, "balance is " + now + ", expected " + expected);
        return now;
    }

    private Debit debit(String key, long credits) {
        return Debit.forTip(key, options.userId(), credits, PERFORMER_ID, PERFORMER);
    }

    private ShowReport show(long showId, Instant started) {
        Instant start = started.truncatedTo(ChronoUnit.SECONDS);
        return ShowReport.of(
                showId,
                options.userId(),
                PERFORMER_ID,
                PERFORMER,
                start,
                start,
                0,
                0,
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                "contract-check");
    }

    private TipReport tip(long tipId, Instant started) {
        return TipReport.of(
                tipId,
                options.userId(),
                PERFORMER_ID,
                PERFORMER,
                1,
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                started.truncatedTo(ChronoUnit.SECONDS));
    }

    private String key(String what) {
        return "contract-check:" + run + ":" + what;
    }

    private static void needs(Object earlier, String what) {
        if (earlier == null) {
            throw new CheckFailed("not run: " + what + " failed");
        }
    }

    private static void expect(boolean condition, String reason) {
        if (!condition) {
            throw new CheckFailed(reason);
        }
    }

    private static boolean isUrlOrNull(String url) {
        return url == null || url.startsWith("https://") || url.startsWith("http://");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
