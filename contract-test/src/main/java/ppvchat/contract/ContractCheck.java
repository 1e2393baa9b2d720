package ppvchat.contract;

import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code bin/contract-test}: runs the external-mode contract's checks against a webmaster's server and prints
 * one PASS or FAIL line per check, then a summary. Exit code 0 when every check passes, 1 when one fails, 2 when
 * the command line is wrong.
 */
public final class ContractCheck {

    private ContractCheck() {}

    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    static int run(String[] args, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of(args).contains("--help")) {
            err.println(Options.USAGE);
            return 2;
        }
        Options options;
        try {
            options = Options.parse(args, environment);
            // Refuses a base URL that is neither https nor http on loopback before any call is made.
            ppvchat.external.control.ExternalSite.of(options.site(), options.url(), options.secret());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.println(Options.USAGE);
            return 2;
        }
        out.println("Contract test of " + options.url() + " (site " + options.site() + ", test user " + options.userId()
                + ")");
        List<CheckResult> results = new ContractChecks(options, result -> out.println(result.line())).run();
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.println();
        out.println(results.size() + " checks: " + (results.size() - failed) + " passed, " + failed + " failed.");
        return failed == 0 ? 0 : 1;
    }
}
