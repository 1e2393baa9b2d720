package ppvchat.tenancy.boundary;

/** What the embed scripts hand the browser client about a site: nothing secret. */
public record EmbedSettings(
        long webmasterId, String siteName, String language, String currency, String chatCss, String wallCss) {}
