package ppvchat.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import ppvchat.accounts.entity.HostUser;
import ppvchat.accounts.entity.NotSignedIn;

/**
 * Host login tokens: a JWT (HS256, keyed with the site's API secret) in which the host site's server
 * vouches for its signed-in user. The host signs them itself, or asks this server to sign one over a
 * signed server-to-server call. Either way they are bound to one site ({@code aud = ppv-chat/<id>}), live
 * at most five minutes, and carry a {@code jti} so that each signs in once.
 */
public final class HostLoginTokens {

    /** The longest life a host may give a token, from {@code iat} to {@code exp}. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    /** The life of tokens this server signs for a host's server call: the page they go into loads at once. */
    public static final Duration MINTED_LIFETIME = Duration.ofMinutes(2);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int MAX_TOKEN = 8_192;
    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7E]{8,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REFUSED = "the sign-in from your site ";

    private HostLoginTokens() {}

    public static String audienceOf(long webmasterId) {
        return "ppv-chat/" + webmasterId;
    }

    /** The host's user, if the token is well formed, for this site, signed with its secret and not expired. */
    public static HostLogin verify(String token, long webmasterId, String secret, Instant now) {
        if (token == null || token.isBlank()) {
            throw new NotSignedIn(REFUSED + "is missing: the page has no login token");
        }
        if (token.length() > MAX_TOKEN) {
            throw new NotSignedIn(REFUSED + "is too long to be a login token");
        }
        JWT parsed;
        JWTClaimsSet claims;
        try {
            parsed = JWTParser.parse(token.strip());
            claims = parsed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new NotSignedIn(REFUSED + "is malformed: expected a JWT (header.claims.signature, base64url)");
        }
        if (!(parsed instanceof SignedJWT jwt)
                || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new NotSignedIn(REFUSED + "must be signed with HS256");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(audienceOf(webmasterId))) {
            throw new NotSignedIn(REFUSED + "is for another site: its aud must be " + audienceOf(webmasterId));
        }
        if (!signedWith(jwt, secret)) {
            throw new NotSignedIn(
                    REFUSED
                            + "does not match this site's API secret: it was changed after signing, or signed with another secret");
        }
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null) {
            throw new NotSignedIn(REFUSED + "is malformed: it must carry iat and exp");
        }
        if (!now.isBefore(expires.toInstant())) {
            throw new NotSignedIn(REFUSED + "has expired: reload the page for a new one");
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new NotSignedIn(REFUSED + "was issued in the future: check the clock of your site's server");
        }
        if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_LIFETIME) > 0) {
            throw new NotSignedIn(
                    REFUSED + "lives too long: exp may be at most " + MAX_LIFETIME.toSeconds() + " seconds after iat");
        }
        String tokenId = claims.getJWTID();
        if (tokenId == null || !TOKEN_ID.matcher(tokenId).matches()) {
            throw new NotSignedIn(REFUSED + "is malformed: its jti must be a random id of 8 to 128 characters");
        }
        try {
            HostUser user = HostUser.of(
                    claims.getSubject(),
                    claims.getStringClaim("username"),
                    claims.getStringClaim("image"),
                    claims.getStringClaim("gender"),
                    claims.getStringClaim("role"),
                    claims.getStringClaim("profile"));
            return new HostLogin(user, tokenId, expires.toInstant());
        } catch (ParseException e) {
            throw new NotSignedIn(REFUSED + "is malformed: username, image, gender, role and profile are strings");
        }
    }

    /** A token for {@code user}, signed as the host would sign it, for a host that asked over a signed call. */
    public static ChatToken mint(long webmasterId, String secret, HostUser user, Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String tokenId = HexFormat.of().formatHex(id);
        Instant expires = now.plus(MINTED_LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audienceOf(webmasterId))
                .subject(user.id())
                .claim("username", user.username())
                .claim("image", user.image())
                .claim("gender", user.gender().name().toLowerCase(Locale.ROOT))
                .claim("role", user.role().name().toLowerCase(Locale.ROOT))
                .claim("profile", user.profile())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(tokenId)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("the site's API secret cannot sign HS256 tokens", e);
        }
        return new ChatToken(jwt.serialize(), expires);
    }

    private static boolean signedWith(SignedJWT jwt, String secret) {
        try {
            return jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            return false;
        }
    }
}
