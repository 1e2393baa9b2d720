package ppvchat.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The {@code domain1} domain of an unpacked Payara Server, driven with {@code asadmin} as an operator would:
 * configure it, start it, deploy, stop. Close it to stop the domain.
 */
final class PayaraServerDomain implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path domainDir;
    private final Path work;
    private final DomainXml.Ports ports;
    private final Map<String, String> environment;
    private int commands;
    private ProcessHandle server;
    private Thread killOnExit;

    /**
     * @param environment what the domain's processes get in their environment besides the usual (secrets
     *     such as {@code PPV_DATASOURCE_PASSWORD})
     */
    PayaraServerDomain(Path home, Path work, DomainXml.Ports ports, Map<String, String> environment) {
        this.home = home;
        this.domainDir = home.resolve("glassfish/domains/domain1");
        this.work = work;
        this.ports = ports;
        this.environment = Map.copyOf(environment);
    }

    HttpSession site() {
        return new HttpSession(URI.create("http://127.0.0.1:" + ports.http() + "/"));
    }

    /** Installs {@code domainXml} as the domain's configuration, after stopping and clearing an earlier run. */
    void configure(String domainXml) throws IOException {
        stopLeftoverDomain();
        Directories.deleteTree(domainDir.resolve("applications"));
        Directories.deleteTree(domainDir.resolve("generated"));
        Files.deleteIfExists(domainDir.resolve("logs/server.log"));
        Files.writeString(domainDir.resolve("config/domain.xml"), domainXml);
    }

    /** {@code asadmin start-domain}; returns how long it took in milliseconds. */
    long start() {
        long begin = System.nanoTime();
        asadmin("start-domain", "domain1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        ProcessHandle started = runningServer()
                .orElseThrow(() -> new AssertionError("start-domain succeeded but no server runs\n" + logExcerpt()));
        server = started;
        // If the test JVM is stopped before close() runs, do not leave a server behind.
        killOnExit = new Thread(started::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        return millis;
    }

    /**
     * Deploys {@code archive} once the administration service answers, once more if the first attempt fails
     * (seen once right after start-domain: {@code "applicationInfo" is null}); returns how long the
     * successful {@code asadmin deploy} took in milliseconds.
     */
    long deploy(Path archive) {
        awaitAdministration(Duration.ofSeconds(120));
        String[] deploy = {"--port", Integer.toString(ports.admin()), "deploy", "--force=true", archive.toString()};
        long started = System.nanoTime();
        try {
            asadmin(deploy);
        } catch (AssertionError first) {
            System.out.println("[payara-server] first deploy failed, retrying once: " + first.getMessage());
            started = System.nanoTime();
            asadmin(deploy);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    void awaitReady(Duration timeout) {
        Readiness.await(site(), timeout, () -> server != null && server.isAlive(), this::logExcerpt);
    }

    OptionalLong residentKb() {
        return server == null ? OptionalLong.empty() : ProcessMemory.residentKb(server.pid());
    }

    String logExcerpt() {
        return Logs.excerpt(domainDir.resolve("logs/server.log"));
    }

    /**
     * {@code asadmin stop-domain}, and the server process is gone whatever that said (also when start-domain
     * failed half-way and left a server running).
     */
    @Override
    public void close() {
        ProcessHandle running = server != null ? server : runningServer().orElse(null);
        if (running == null) {
            return;
        }
        try {
            asadmin("--port", Integer.toString(ports.admin()), "stop-domain", "domain1");
        } catch (AssertionError e) {
            System.out.println("[payara-server] stop-domain failed, killing the server: " + e.getMessage());
        } finally {
            if (running.isAlive()) {
                running.destroyForcibly();
            }
            if (killOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or about to: nothing to remove.
                }
            }
            server = null;
            killOnExit = null;
        }
    }

    /** A domain left running by an interrupted earlier run still has the old domain.xml: stop it with that. */
    private void stopLeftoverDomain() {
        if (runningServer().isPresent()) {
            System.out.println("[payara-server] stopping a domain left running by an earlier run");
            try {
                asadmin("stop-domain", "domain1");
            } catch (AssertionError e) {
                runningServer().ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The server process named by the domain's pid file, if it runs. */
    private Optional<ProcessHandle> runningServer() {
        Path pidFile = domainDir.resolve("config/pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void awaitAdministration(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest version = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.admin() + "/management/domain/version"))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Readiness.sleep(Duration.ofMillis(500));
        }
        fail("the administration service on port " + ports.admin() + " did not answer within " + timeout + "\n"
                + logExcerpt());
    }

    /** Runs {@code asadmin} with its output in a log under the work directory; fails unless it exits 0. */
    private void asadmin(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        Path log = work.resolve(String.format("asadmin-%02d-%s.log", ++commands, verb(arguments)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The domain's settings come from its domain.xml and the environment given here only.
        env.keySet().removeIf(name -> name.startsWith("PPV_") || name.startsWith("AS_ADMIN_"));
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.putAll(environment);
        try {
            Process asadmin = builder.start();
            if (!asadmin.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                asadmin.destroyForcibly();
                fail("asadmin " + String.join(" ", arguments) + " did not finish within " + COMMAND_TIMEOUT + "\n"
                        + Logs.excerpt(log) + "\n" + logExcerpt());
            }
            if (asadmin.exitValue() != 0) {
                fail("asadmin " + String.join(" ", arguments) + " exited with " + asadmin.exitValue() + "\n"
                        + Logs.excerpt(log) + "\n" + logExcerpt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String verb(String... arguments) {
        for (String argument : arguments) {
            if (argument.matches("[a-z]+(-[a-z]+)*")) {
                return argument;
            }
        }
        return "command";
    }
}
