package ppvchat.realtime;

import java.security.Principal;
import ppvchat.accounts.boundary.Admitted;

/** Who a socket is, as its handshake established: handed from the handshake filter to the endpoint. */
public record SocketPrincipal(Admitted who, String address) implements Principal {

    @Override
    public String getName() {
        return who.webmasterId() + ":" + who.userId();
    }
}
