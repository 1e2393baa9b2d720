package ppvchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * One Payara Micro JVM running one WAR at the root, on free ports, with its own runtime directory and log
 * under {@code runDir}. Close it to stop it (and anything it started).
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final HttpSession site;
    private final long startedNanos;
    private final Thread killOnExit;

    private PayaraMicroProcess(Process process, Path log, HttpSession site, long startedNanos) {
        this.process = process;
        this.log = log;
        this.site = site;
        this.startedNanos = startedNanos;
        // If the test JVM is stopped before close() runs, do not leave a server behind.
        this.killOnExit = new Thread(() -> kill(process.toHandle()));
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code war} at {@code /}. {@code runDir} must be new: Micro redeploys whatever an old runtime
     * directory holds.
     */
    static PayaraMicroProcess start(Path microJar, Path war, Path runDir, Map<String, String> systemProperties) {
        return start(microJar, war, runDir, port -> systemProperties);
    }

    /** As above, with settings that name the server's own HTTP port (the demo's allowed origins). */
    static PayaraMicroProcess start(
            Path microJar, Path war, Path runDir, IntFunction<Map<String, String>> systemPropertiesForPort) {
        if (Files.exists(runDir)) {
            throw new IllegalArgumentException(runDir + " exists: each start needs a fresh runtime directory");
        }
        int[] ports = FreePorts.pick(2);
        int httpPort = ports[0];
        int dataGridPort = ports[1];
        try {
            Path tmp = Files.createDirectories(runDir.resolve("tmp"));
            Path log = runDir.resolve("micro.log");
            // Hazelcast listens even with --nocluster (which also ignores --startport): move it off its
            // default 6900 with a pre-boot command.
            Path preBoot = Files.writeString(
                    runDir.resolve("pre-boot-commands.txt"),
                    "set hazelcast-runtime-configuration.start-port=" + dataGridPort + "\n");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Djava.io.tmpdir=" + tmp);
            systemPropertiesForPort.apply(httpPort).forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of(
                    "-jar",
                    microJar.toString(),
                    "--nocluster",
                    "--prebootcommandfile",
                    preBoot.toString(),
                    "--port",
                    Integer.toString(httpPort),
                    "--rootdir",
                    runDir.resolve("root").toString(),
                    "--deploy",
                    war.toString(),
                    "--contextroot",
                    "/"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(runDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The application's settings come from the system properties above only.
            builder.environment().keySet().removeIf(name -> name.startsWith("PPV_"));
            long started = System.nanoTime();
            Process process = builder.start();
            return new PayaraMicroProcess(
                    process, log, new HttpSession(URI.create("http://127.0.0.1:" + httpPort + "/")), started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro", e);
        }
    }

    /** Waits until the application is ready; returns the milliseconds from process start to ready. */
    long awaitReady(Duration timeout) {
        Readiness.await(site, timeout, process::isAlive, this::logExcerpt);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    HttpSession site() {
        return site;
    }

    /** The server JVM's process id. */
    long pid() {
        return process.pid();
    }

    OptionalLong residentKb() {
        return ProcessMemory.residentKb(process.pid());
    }

    String logExcerpt() {
        return Logs.excerpt(log);
    }

    /** Kills the server as a power cut would: SIGKILL, no shutdown hooks, nothing flushed. */
    void crash() {
        ProcessHandle server = process.toHandle();
        List<ProcessHandle> descendants = server.descendants().toList();
        server.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server survived SIGKILL", e);
        }
    }

    /**
     * Sends SIGTERM, as systemd, Docker or {@code kill} do, and waits for the JVM to exit by itself; returns
     * how long that took. Fails if it does not exit within {@code timeout}.
     */
    Duration terminate(Duration timeout) {
        long signalled = System.nanoTime();
        ProcessHandle server = process.toHandle();
        server.destroy();
        try {
            server.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not stop within " + timeout + " of SIGTERM", e);
        }
        return Duration.ofNanos(System.nanoTime() - signalled);
    }

    /** Stops the server as a service manager would (SIGTERM, so Payara shuts down cleanly), then forcibly. */
    @Override
    public void close() {
        kill(process.toHandle());
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
    }

    private static void kill(ProcessHandle server) {
        List<ProcessHandle> descendants = server.descendants().toList();
        server.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
