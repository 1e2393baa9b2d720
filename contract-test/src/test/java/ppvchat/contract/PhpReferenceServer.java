package ppvchat.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The PHP reference server of reference/php under {@code php -S} on a free loopback port, on a fresh SQLite file. */
final class PhpReferenceServer implements AutoCloseable {

    static final String SITE = "7";
    static final String SECRET = "5f3c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e";

    private final Process process;
    private final int port;

    private PhpReferenceServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PhpReferenceServer start(int workers) throws IOException, InterruptedException {
        Path folder = Path.of(System.getProperty("ppv.reference.php", "../reference/php"))
                .toAbsolutePath()
                .normalize();
        Path build = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        int port = freePort();
        Path database = build.resolve("reference-" + port + ".sqlite");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        Map<String, String> env = Map.of(
                "PPV_REF_DSN",
                "sqlite:" + database,
                "PPV_REF_SITE",
                SITE,
                "PPV_REF_SECRET",
                SECRET,
                "PHP_CLI_SERVER_WORKERS",
                Integer.toString(workers));
        Path log = build.resolve("reference-" + port + ".log");
        Process setup = php(folder, env, log, "bin/setup.php");
        if (!setup.waitFor(30, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            throw new IllegalStateException("bin/setup.php failed: " + Files.readString(log));
        }
        Process server = php(folder, env, log, "-S", "127.0.0.1:" + port, "-t", "public", "public/index.php");
        for (int i = 0; i < 100 && !answers(port); i++) {
            Thread.sleep(100);
        }
        if (!answers(port)) {
            server.destroyForcibly();
            throw new IllegalStateException("The PHP reference server did not start: " + Files.readString(log));
        }
        return new PhpReferenceServer(server, port);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/ppv-api";
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static Process php(Path folder, Map<String, String> env, Path log, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("php");
        builder.command().addAll(List.of(args));
        builder.directory(folder.toFile());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("PHP is not installed: run bin/require-php", e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
