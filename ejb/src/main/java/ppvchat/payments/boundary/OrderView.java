package ppvchat.payments.boundary;

import java.math.BigDecimal;
import ppvchat.payments.entity.PaypalOrder;

/** An order as its buyer sees it. */
public record OrderView(
        long webmasterId,
        String order,
        String status,
        long credits,
        BigDecimal price,
        String currency,
        String approveUrl) {

    static OrderView of(PaypalOrder order) {
        return new OrderView(
                order.webmasterId(),
                order.reference(),
                order.status().name(),
                order.credits(),
                order.amount(),
                order.currency(),
                order.approveUrl());
    }
}
