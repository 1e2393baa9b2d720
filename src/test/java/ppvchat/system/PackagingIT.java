package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** What the two deliverables contain: the EAR for Payara Server and the one WAR for Payara Micro. */
class PackagingIT {

    private static final String CORE_CLASS = "ppvchat/platform/control/SchemaMigration.class";

    @Test
    void earHoldsEveryModuleAndMapsTheWebModules() throws IOException {
        try (ZipFile ear =
                new ZipFile(SystemTestSettings.existingFile("ppv.ear").toFile())) {
            assertAll(
                    "EAR entries",
                    List.of(
                                    "ppv-ejb.jar",
                                    "ppv-web.war",
                                    "ppv-admin-web.war",
                                    "lib/ppv-batch.jar",
                                    "lib/mariadb-java-client.jar",
                                    "lib/flyway-core.jar",
                                    "lib/flyway-mysql.jar",
                                    "lib/thumbnailator.jar",
                                    "lib/imageio-jpeg.jar",
                                    "lib/imageio-webp.jar",
                                    "lib/bucket4j_jdk17-core.jar")
                            .stream()
                            .map(name -> () -> assertTrue(ear.getEntry(name) != null, name)));

            String application = text(ear, "META-INF/application.xml");
            assertEquals("/", contextRoot(application, "ppv-web.war"), application);
            assertEquals("/admin", contextRoot(application, "ppv-admin-web.war"), application);
        }
    }

    @Test
    void warsInTheEarCarryNoCopyOfTheCore() throws IOException {
        try (ZipFile ear =
                new ZipFile(SystemTestSettings.existingFile("ppv.ear").toFile())) {
            for (String war : List.of("ppv-web.war", "ppv-admin-web.war")) {
                List<String> core;
                try (InputStream in = ear.getInputStream(ear.getEntry(war))) {
                    core = deepEntries(in).stream()
                            .filter(name -> name.matches("WEB-INF/lib/ppv-(ejb|batch)[^/]*\\.jar")
                                    || name.contains("ppvchat/platform/"))
                            .toList();
                }
                assertEquals(List.of(), core, war + " must use the core in the EAR, not carry a copy");
            }
        }
    }

    @Test
    void microWarHoldsExactlyOneCopyOfTheCoreInTheEjbJar() throws IOException {
        List<String> copies;
        try (InputStream war = Files.newInputStream(SystemTestSettings.existingFile("ppv.micro.war"))) {
            copies = deepEntries(war).stream()
                    .filter(name -> name.endsWith("/" + CORE_CLASS) || name.equals(CORE_CLASS))
                    .toList();
        }
        assertEquals(1, copies.size(), "copies of the core: " + copies);
        assertTrue(
                copies.get(0).matches("WEB-INF/lib/ppv-ejb-[^/]*\\.jar!/" + Pattern.quote(CORE_CLASS)),
                "the core comes as the ppv-ejb jar: " + copies);
    }

    @Test
    void microWarHasThePublicSideAtTheRootAndTheConsoleUnderAdmin() throws IOException {
        try (ZipFile war =
                new ZipFile(SystemTestSettings.existingFile("ppv.micro.war").toFile())) {
            assertAll(
                    "Micro WAR entries",
                    List.of(
                                    "index.html",
                                    "demo/user.html",
                                    "demo/performer.html",
                                    "client/main.js",
                                    "admin/login.xhtml",
                                    "admin/index.xhtml",
                                    "WEB-INF/templates/console.xhtml")
                            .stream()
                            .map(name -> () -> assertTrue(war.getEntry(name) != null, name)));
        }
    }

    private static String contextRoot(String applicationXml, String webUri) {
        Matcher module = Pattern.compile("<web-uri>\\s*" + Pattern.quote(webUri)
                        + "\\s*</web-uri>\\s*<context-root>\\s*([^<]*?)\\s*</context-root>")
                .matcher(applicationXml);
        assertTrue(module.find(), () -> "no web module " + webUri + " with a context root in " + applicationXml);
        return module.group(1);
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertTrue(entry != null, name);
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every entry of an archive, and of the jars inside it: {@code WEB-INF/classes/a/B.class} for an entry of
     * the archive, {@code WEB-INF/lib/x.jar!/a/B.class} for an entry of a jar in it.
     */
    private static List<String> deepEntries(InputStream archive) throws IOException {
        List<String> names = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            names.add(entry.getName());
            if (entry.getName().endsWith(".jar")) {
                // Not closed: closing would close the outer stream; the nested entries are read to the end.
                ZipInputStream jar = new ZipInputStream(zip);
                for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                    names.add(entry.getName() + "!/" + inner.getName());
                }
            }
        }
        return names;
    }
}
