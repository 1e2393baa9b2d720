package ppvchat.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs test steps in their own committed transactions, as separate requests would. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Transactions {

    @PersistenceContext
    EntityManager em;

    public <T> T call(Function<EntityManager, T> work) {
        T result = work.apply(em);
        em.flush();
        return result;
    }

    public void run(Consumer<EntityManager> work) {
        work.accept(em);
        em.flush();
    }
}
