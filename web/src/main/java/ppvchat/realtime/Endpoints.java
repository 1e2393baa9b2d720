package ppvchat.realtime;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.function.Function;

/**
 * Makes socket endpoints without the CDI container: Tyrus would otherwise create a Weld instance with its
 * own injection points and proxies for every connection, several kilobytes each. An endpoint is a small
 * object holding its connection and one shared, injected handler.
 */
public abstract class Endpoints<H> extends ServerEndpointConfig.Configurator {

    private final Class<H> handlerType;
    private final Function<H, ?> endpoint;
    private volatile H handler;

    protected Endpoints(Class<H> handlerType, Function<H, ?> endpoint) {
        this.handlerType = handlerType;
        this.endpoint = endpoint;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        H shared = handler;
        if (shared == null) {
            shared = CDI.current().select(handlerType).get();
            handler = shared;
        }
        return type.cast(endpoint.apply(shared));
    }
}
