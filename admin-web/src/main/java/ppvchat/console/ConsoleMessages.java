package ppvchat.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import ppvchat.platform.entity.DomainException;

/** The console's one way to tell the person at the page what happened: a line above the form. */
public final class ConsoleMessages {

    private ConsoleMessages() {}

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** Runs a change and says it is {@code done}, or which rule refused it. */
    public static void attempt(Runnable change, String done) {
        try {
            change.run();
            info(done);
        } catch (DomainException refused) {
            refused(refused);
        }
    }

    /** A refused request: the rule it broke, as a sentence. */
    public static void refused(DomainException refused) {
        String message = refused.getMessage();
        error(Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
