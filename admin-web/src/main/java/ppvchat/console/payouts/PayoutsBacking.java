package ppvchat.console.payouts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.payouts.boundary.PayoutStatements;

/** The Payouts page: the site's payout statements a page at a time, newest period first. */
@Named
@ViewScoped
public class PayoutsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentAccount account;

    @Inject
    transient PayoutStatements statements;

    private final LazyDataModel<PayoutStatements.Statement> model = new Paged<>(
            () -> statements.count(account.webmasterId()),
            (first, size) -> statements.of(account.webmasterId(), first, size),
            PayoutStatements.Statement::id);

    public LazyDataModel<PayoutStatements.Statement> getStatements() {
        return model;
    }
}
