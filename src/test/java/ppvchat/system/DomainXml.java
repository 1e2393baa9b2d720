package ppvchat.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed {@code domain.xml}, made runnable on a test machine. Only environment-specific values change:
 * the database URL and user (the test database), {@code ppv.demo.enabled} (the tests need the demo site),
 * {@code ppv.loadtest.enabled} added (the clean-stop test runs shows through the load driver), and every
 * fixed port the DAS listens on (free ports instead, so that a developer's Payara on 8080, 4848...
 * keeps running). Everything else (structure, JVM options, the other PPV settings) is used as committed:
 * that is what this test checks. Each value must be found exactly once, so a change to the committed file
 * fails here loudly instead of leaving a value unchanged.
 */
final class DomainXml {

    /** The ports of the {@code server-config} configuration, which the DAS uses. */
    record Ports(
            int http,
            int https,
            int admin,
            int jmx,
            int iiop,
            int iiopSsl,
            int iiopMutualAuth,
            int jms,
            int osgiShell,
            int dataGrid,
            int dataGridDas) {

        static Ports free() {
            int[] p = FreePorts.pick(11);
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
        }
    }

    private static final Pattern SERVER_CONFIG = Pattern.compile("(?s)<config name=\"server-config\".*?</config>");

    private DomainXml() {}

    static String forTest(String committed, String databaseUrl, String databaseUser, Ports ports) {
        String domain = committed;
        domain = set(
                domain,
                "hazelcast start port",
                "<hazelcast-runtime-configuration\\b[^>]*?\\bstart-port=\"(\\d+)\"",
                ports.dataGrid());
        domain = set(
                domain,
                "hazelcast DAS port",
                "<hazelcast-runtime-configuration\\b[^>]*?\\bdas-port=\"(\\d+)\"",
                ports.dataGridDas());

        Matcher block = SERVER_CONFIG.matcher(domain);
        if (!block.find()) {
            throw new IllegalStateException("no <config name=\"server-config\"> in domain.xml");
        }
        String config = block.group();
        config = set(config, "ppv.datasource.url", property("ppv.datasource.url"), databaseUrl);
        config = set(config, "ppv.datasource.user", property("ppv.datasource.user"), databaseUser);
        config = set(config, "ppv.demo.enabled", property("ppv.demo.enabled"), "true");
        config = insertAfter(
                config,
                "ppv.demo.enabled",
                property("ppv.demo.enabled") + "[^>]*>",
                "<system-property name=\"ppv.loadtest.enabled\" value=\"true\" />");
        config = set(config, "http-listener-1", listener("http-listener-1"), ports.http());
        config = set(config, "http-listener-2", listener("http-listener-2"), ports.https());
        config = set(config, "admin-listener", listener("admin-listener"), ports.admin());
        config = set(config, "JMX connector", "<jmx-connector\\b[^>]*?\\bport=\"(\\d+)\"", ports.jmx());
        config = set(config, "IIOP listener", iiop("orb-listener-1"), ports.iiop());
        config = set(config, "IIOP SSL listener", iiop("SSL"), ports.iiopSsl());
        config = set(config, "IIOP mutual-auth listener", iiop("SSL_MUTUALAUTH"), ports.iiopMutualAuth());
        config = set(config, "JMS port", property("JMS_PROVIDER_PORT"), ports.jms());
        config = set(config, "OSGi shell port", "-Dosgi\\.shell\\.telnet\\.port=(\\d+)", ports.osgiShell());
        return domain.substring(0, block.start()) + config + domain.substring(block.end());
    }

    private static String property(String name) {
        return "<system-property name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"";
    }

    private static String listener(String protocol) {
        return "<network-listener port=\"(\\d+)\" protocol=\"" + Pattern.quote(protocol) + "\"";
    }

    private static String iiop(String id) {
        return "<iiop-listener\\b[^>]*?\\bport=\"(\\d+)\" id=\"" + Pattern.quote(id) + "\"";
    }

    private static String set(String xml, String what, String regex, int value) {
        return set(xml, what, regex, Integer.toString(value));
    }

    /** Inserts {@code text} after the one match of {@code regex}. */
    private static String insertAfter(String xml, String what, String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException(what + " not found in domain.xml (" + regex + ")");
        }
        return xml.substring(0, matcher.end()) + text + xml.substring(matcher.end());
    }

    /** Replaces group 1 of the one match of {@code regex} with {@code value}. */
    private static String set(String xml, String what, String regex, String value) {
        Matcher matcher = Pattern.compile(regex).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException(what + " not found in domain.xml (" + regex + ")");
        }
        int start = matcher.start(1);
        int end = matcher.end(1);
        if (matcher.find()) {
            throw new IllegalStateException(what + " found more than once in domain.xml (" + regex + ")");
        }
        return xml.substring(0, start) + escape(value) + xml.substring(end);
    }

    private static String escape(String attribute) {
        return attribute.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
