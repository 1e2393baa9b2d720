package ppvchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The webmaster's own server in external mode: the PHP reference implementation (reference/php) under
 * {@code php -S} on a loopback port, on an SQLite file of its own. It can be stopped and started again on the
 * same port and data, as a site's server that goes down and comes back.
 */
final class ReferenceSite implements AutoCloseable {

    private final Path folder;
    private final Path database;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private Process server;

    private ReferenceSite(Path folder, Path work, long webmasterId, String secret) {
        this.folder = folder;
        this.database = work.resolve("site.sqlite");
        this.log = work.resolve("php.log");
        this.port = freePort();
        this.env = Map.of(
                "PPV_REF_DSN",
                "sqlite:" + database,
                "PPV_REF_SITE",
                Long.toString(webmasterId),
                "PPV_REF_SECRET",
                secret,
                "PHP_CLI_SERVER_WORKERS",
                "4");
    }

    /** Sets up its schema and demo users (alice 1000 credits, bob none, mia moderator; password "demo"). */
    static ReferenceSite start(Path work, long webmasterId, String secret) {
        Path folder = Path.of(System.getProperty("ppv.reference.php", "../reference/php"))
                .toAbsolutePath()
                .normalize();
        ReferenceSite site = new ReferenceSite(folder, work, webmasterId, secret);
        site.run("bin/setup.php").waitOrFail();
        site.up();
        return site;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + port + "/ppv-api";
    }

    void up() {
        server = run("-S", "127.0.0.1:" + port, "-t", "public", "public/index.php").process;
        for (int i = 0; i < 100 && !answers(); i++) {
            sleep(100);
        }
        if (!answers()) {
            throw new IllegalStateException("the PHP reference server did not start: " + logText());
        }
    }

    /** As a crash or an outage: the server is gone at once, its data stays. */
    void down() {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        try {
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 50 && answers(); i++) {
            sleep(100);
        }
    }

    /** A query on the site's own database, as JSON rows (through PHP's PDO, as the site reads it). */
    String query(String sql) {
        Run query = run(
                "-r",
                "$p = new PDO(getenv('PPV_REF_DSN')); echo json_encode($p->query(" + phpString(sql)
                        + ")->fetchAll(PDO::FETCH_ASSOC));");
        query.waitOrFail();
        try {
            return Files.readString(query.output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (server != null) {
            down();
        }
    }

    private record Run(Process process, Path output) {
        void waitOrFail() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("php failed: " + Files.readString(output));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Run run(String... args) {
        try {
            Path output = args[0].equals("-S") ? log : Files.createTempFile(database.getParent(), "php-", ".out");
            ProcessBuilder builder = new ProcessBuilder();
            builder.command().add("php");
            builder.command().addAll(List.of(args));
            builder.directory(folder.toFile());
            builder.environment().putAll(env);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            return new Run(builder.start(), output);
        } catch (IOException e) {
            throw new IllegalStateException("PHP is not installed: run bin/require-php", e);
        }
    }

    private static String phpString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
