package ppvchat.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the contract test is pointed at. The API secret and the test user's password come from environment
 * variables or files named on the command line, never from the command line itself (which other users of the
 * machine can read), and are never printed.
 */
record Options(String url, String site, String userId, String username, String password, String secret) {

    static final String USAGE =
            """
            Usage: bin/contract-test --url <base URL> --site <webmaster id> --user <test user id> --username <name>
                     (--password-env <VAR> | --password-file <file>) (--secret-env <VAR> | --secret-file <file>)

            Checks the webmaster's server at <base URL> (e.g. https://www.example.com/ppv-api) against the
            external-mode contract. The test user needs at least 1 credit; the checks leave the balance as it was.""";

    private static final List<String> NAMES = List.of(
            "--url",
            "--site",
            "--user",
            "--username",
            "--password-env",
            "--password-file",
            "--secret-env",
            "--secret-file");

    static Options parse(String[] args, UnaryOperator<String> environment) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name
                        + (name.startsWith("--password") || name.startsWith("--secret")
                                ? " (secrets come from --…-env or --…-file, never the command line)"
                                : ""));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            given.put(name, args[++i]);
        }
        return new Options(
                required(given, "--url"),
                required(given, "--site"),
                required(given, "--user"),
                required(given, "--username"),
                secret(given, "password", environment),
                secret(given, "secret", environment));
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static String secret(Map<String, String> given, String what, UnaryOperator<String> environment) {
        String variable = given.get("--" + what + "-env");
        String file = given.get("--" + what + "-file");
        if (variable != null) {
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        "The environment variable " + variable + " (the " + what + ") is not set");
            }
            return value;
        }
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the " + what + " from " + file);
            }
        }
        throw new IllegalArgumentException("--" + what + "-env or --" + what + "-file is required");
    }

    @Override
    public String toString() {
        return "Options[url=" + url + ", site=" + site + ", user=" + userId + ", username=" + username + "]";
    }
}
