package ppvchat.payments.boundary;

import java.math.BigDecimal;

/** A credit package as the buy-credits dialog lists it: the price in the site's currency. */
public record CreditPackage(long id, long credits, BigDecimal price, String currency, String description) {}
