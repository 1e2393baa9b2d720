package ppvchat.metering.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Settles every running show when the server stops cleanly. Payara undeploys the web module while the
 * application's datasource still works, which is not so for an EJB's {@code @PreDestroy} (Payara Micro
 * removes the datasource first), so this is where a stop by signal or {@code asadmin} is heard.
 */
@WebListener
public class StopListener implements ServletContextListener {

    @Inject
    CleanStop cleanStop;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        cleanStop.settleEveryShow();
    }
}
