package ppvchat.console.payouts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import ppvchat.console.CurrentAccount;
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

    private final LazyDataModel<PayoutStatements.Statement> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, statements.count(account.webmasterId()));
        }

        @Override
        public List<PayoutStatements.Statement> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return statements.of(account.webmasterId(), first, pageSize);
        }

        @Override
        public String getRowKey(PayoutStatements.Statement row) {
            return String.valueOf(row.id());
        }
    };

    public LazyDataModel<PayoutStatements.Statement> getStatements() {
        return model;
    }
}
