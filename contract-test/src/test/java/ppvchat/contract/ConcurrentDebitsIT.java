package ppvchat.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ppvchat.external.control.ExternalSite;
import ppvchat.external.control.InsufficientExternalCredits;
import ppvchat.external.control.WebmasterServer;
import ppvchat.external.entity.CreditMove;
import ppvchat.external.entity.Debit;

/**
 * The reference server under parallel debits (four PHP workers on one SQLite file): the balance never goes below
 * zero, and a key sent many times at once is debited once.
 */
class ConcurrentDebitsIT {

    static PhpReferenceServer php;
    static WebmasterServer webmaster;

    @BeforeAll
    static void start() throws Exception {
        php = PhpReferenceServer.start(4);
        webmaster = new WebmasterServer(ExternalSite.of(PhpReferenceServer.SITE, php.url(), PhpReferenceServer.SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        php.close();
    }

    static <T> List<Future<T>> inParallel(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            return pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
    }

    static Debit debit(String key, long credits) {
        return Debit.forShow(key, "1001", credits, 77, 3, "Luna");
    }

    @Test
    void parallelDebitsNeverTakeTheBalanceBelowZeroAndAKeyIsDebitedOnce() throws Exception {
        List<Callable<CreditMove>> sameKey = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sameKey.add(() -> webmaster.debit(debit("parallel:same", 1)));
        }
        int firsts = 0;
        for (Future<CreditMove> answer : inParallel(sameKey)) {
            firsts += answer.get().replayed() ? 0 : 1;
            assertEquals(999, answer.get().balance());
        }
        assertEquals(1, firsts);
        assertEquals(999, webmaster.balance("1001").credits());

        webmaster.debit(debit("parallel:down-to-ten", 989));
        List<Callable<String>> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "parallel:" + i;
            many.add(() -> {
                try {
                    webmaster.debit(debit(key, 1));
                    return "debited";
                } catch (InsufficientExternalCredits e) {
                    return "refused";
                }
            });
        }
        int debited = 0;
        int refused = 0;
        for (Future<String> answer : inParallel(many)) {
            if (answer.get().equals("debited")) {
                debited++;
            } else {
                refused++;
            }
        }
        assertEquals(10, debited);
        assertEquals(30, refused);
        assertEquals(0, webmaster.balance("1001").credits());
    }
}
