package ppvchat.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

/**
 * Where the console's pages are, relative to the web application that holds them: the root of the
 * admin WAR in the EAR, {@code /admin} in the Micro WAR. Set by the {@code ppv.console.path} context
 * parameter of the holding WAR's {@code web.xml}.
 */
@Named
@ApplicationScoped
public class ConsolePages {

    @Inject
    ServletContext servletContext;

    public String getLogin() {
        return base() + "/login.xhtml";
    }

    public String getHome() {
        return base() + "/index.xhtml";
    }

    private String base() {
        String base = servletContext.getInitParameter("ppv.console.path");
        return base == null ? "" : base;
    }
}
