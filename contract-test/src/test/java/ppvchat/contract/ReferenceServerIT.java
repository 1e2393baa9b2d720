package ppvchat.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract test against the PHP reference server: every check passes, as a library call and as the command. */
class ReferenceServerIT {

    static PhpReferenceServer php;

    @BeforeAll
    static void start() throws Exception {
        php = PhpReferenceServer.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        php.close();
    }

    static String[] args(String url) {
        return new String[] {
            "--url",
            url,
            "--site",
            PhpReferenceServer.SITE,
            "--user",
            "1001",
            "--username",
            "alice",
            "--password-env",
            "TEST_PASSWORD",
            "--secret-env",
            "TEST_SECRET"
        };
    }

    static final Map<String, String> ENV = Map.of("TEST_PASSWORD", "demo", "TEST_SECRET", PhpReferenceServer.SECRET);

    @Test
    void everyCheckPassesAgainstTheReferenceServer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ContractCheck.run(args(php.url()), ENV::get, new PrintStream(out), new PrintStream(err));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        List<String> checks = printed.lines()
                .filter(line -> line.startsWith("PASS") || line.startsWith("FAIL"))
                .toList();
        assertTrue(checks.size() >= 21, printed);
        assertTrue(checks.stream().allMatch(line -> line.startsWith("PASS ")), printed);
        assertTrue(printed.contains(checks.size() + " checks: " + checks.size() + " passed, 0 failed."), printed);
        assertFalse(printed.contains(PhpReferenceServer.SECRET), "the secret was printed");
        assertFalse(printed.contains("demo"), "the password was printed");
    }

    @Test
    void theCommandExitsZeroAndLeavesTheBalanceAsItWas() throws Exception {
        // Run twice: the second run finds the balance the first one left.
        for (int run = 0; run < 2; run++) {
            // bin/contract-test, as a webmaster runs it (the jar is built by now).
            ProcessBuilder command =
                    new ProcessBuilder(new ArrayList<>(List.of(System.getProperty("ppv.contract.command"))));
            command.command().addAll(List.of(args(php.url())));
            command.environment().putAll(ENV);
            command.redirectErrorStream(true);
            Process process = command.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), printed);
            assertTrue(printed.contains("PASS test user's balance is as it was — credits 1000"), printed);
        }
    }

    @Test
    void secretsOnTheCommandLineAreRefusedWithAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ContractCheck.run(
                new String[] {"--url", php.url(), "--password", "demo"},
                ENV::get,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("never the command line"), err.toString());
    }

    @Test
    void aPlainHttpUrlOffTheMachineIsRefusedBeforeAnyCall() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ContractCheck.run(
                args("http://www.example.com/ppv-api"),
                ENV::get,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("must use https"), err.toString());
    }
}
