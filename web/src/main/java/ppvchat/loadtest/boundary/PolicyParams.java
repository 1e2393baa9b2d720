package ppvchat.loadtest.boundary;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;

/** The billing policy of a load-test site, from the query: the same parameters for shows and for sites. */
public class PolicyParams {

    @QueryParam("grace")
    @DefaultValue("10")
    int graceSeconds;

    @QueryParam("minStart")
    @DefaultValue("60")
    long minBalanceToStart;

    @QueryParam("minStay")
    @DefaultValue("0")
    long minBalanceToStay;

    @QueryParam("warnings")
    @DefaultValue("60,30,10")
    String warnings;

    @QueryParam("rounding")
    @DefaultValue("UP")
    String rounding;

    BillingPolicy policy() {
        try {
            return new BillingPolicy(
                    graceSeconds,
                    minBalanceToStart,
                    minBalanceToStay,
                    Arrays.stream(warnings.split(",")).map(Integer::valueOf).toList(),
                    CreditRounding.valueOf(rounding));
        } catch (IllegalArgumentException e) {
            throw new DomainException("bad billing policy: " + e.getMessage());
        }
    }
}
