package ppvchat.tenancy.entity;

/** Where a webmaster's users, credits and payment history live. */
public enum IntegrationMode {
    /** Everything lives here; the webmaster pastes two script tags. */
    EMBED,
    /** The webmaster's own server keeps credits and history and is called over the signed contract. */
    EXTERNAL
}
