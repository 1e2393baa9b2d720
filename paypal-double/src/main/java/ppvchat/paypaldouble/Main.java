package ppvchat.paypaldouble;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the PayPal double for the demo:
 * {@code java -jar paypal-double.jar --port 8089 --client-id demo-client --client-secret demo-secret
 * --webhook-id WH-DEMO --webhook-url http://localhost:8080/api/paypal/webhooks}.
 * The secret may come from PPV_PAYPAL_CLIENT_SECRET instead; --webhook-url none sends no webhooks.
 */
public final class Main {

    private static final List<String> OPTIONS =
            List.of("--port", "--client-id", "--client-secret", "--webhook-id", "--webhook-url");

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        PaypalDouble.Settings settings;
        try {
            settings = settings(options(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Options: --port 8089 --client-id demo-client --client-secret demo-secret"
                    + " --webhook-id WH-DEMO --webhook-url http://localhost:8080/api/paypal/webhooks (or none)");
            System.exit(2);
            return;
        }

        PaypalDouble paypal;
        try {
            paypal = PaypalDouble.start(settings, System.out::println);
        } catch (java.io.UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        System.out.println("PayPal double for tests and the demo at " + paypal.baseUrl() + " (dashboard at "
                + paypal.baseUrl() + "/)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            paypal.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static PaypalDouble.Settings settings(Map<String, String> options) {
        String secret = options.get("--client-secret");
        if (secret == null) {
            secret = System.getenv().getOrDefault("PPV_PAYPAL_CLIENT_SECRET", "demo-secret");
        }
        String webhookUrl = options.getOrDefault("--webhook-url", "http://localhost:8080/api/paypal/webhooks");
        return new PaypalDouble.Settings(
                Integer.parseInt(options.getOrDefault("--port", "8089")),
                options.getOrDefault("--client-id", "demo-client"),
                secret,
                options.getOrDefault("--webhook-id", "WH-DEMO"),
                "none".equals(webhookUrl) || webhookUrl.isBlank() ? null : URI.create(webhookUrl));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!OPTIONS.contains(name) || value == null) {
                throw new IllegalArgumentException("Unknown option or missing value: " + name);
            }
            options.put(name, value);
        }
        return options;
    }
}
