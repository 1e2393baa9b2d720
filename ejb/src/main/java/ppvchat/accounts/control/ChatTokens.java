package ppvchat.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;

/**
 * Short-lived signed tokens (JWT, HMAC-SHA256 with the server key) that say who a chat session is: the
 * webmaster, the user, the role, the expiry. Signing in mints one; every socket handshake and every call
 * that needs a user presents one. The one verification path for every way of signing in.
 */
@ApplicationScoped
public class ChatTokens {

    private static final Logger LOG = Logger.getLogger(ChatTokens.class.getName());
    private static final String ISSUER = "ppv-chat";
    private static final int MIN_KEY_BYTES = 32;

    /** Base64, at least 32 bytes; the same on every server of a cluster. Set it as {@code PPV_TOKENS_KEY}. */
    @Inject
    @ConfigProperty(name = "ppv.tokens.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "ppv.tokens.ttl-seconds", defaultValue = "900")
    int ttlSeconds;

    @Inject
    Clock clock;

    private MACSigner signer;
    private MACVerifier verifier;

    @PostConstruct
    void loadKey() {
        byte[] key = configuredKey
                .filter(k -> !k.isBlank())
                .map(ChatTokens::decode)
                .orElseGet(() -> {
                    LOG.warning("ppv.tokens.key is not set: tokens are signed with a random key and end with this JVM");
                    byte[] random = new byte[MIN_KEY_BYTES];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
        try {
            signer = new MACSigner(key);
            verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("ppv.tokens.key is not a usable HMAC-SHA256 key", e);
        }
    }

    public ChatToken issue(ChatUser user) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(ttlSeconds);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(user.id()))
                .claim("wm", user.webmasterId())
                .claim("role", user.role().name())
                .claim("name", user.username())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new ChatToken(token.serialize(), expires);
    }

    /** Who the token names, if it is ours, unexpired and for {@code webmasterId}; otherwise a clear refusal. */
    public ChatIdentity verify(String token, long webmasterId) {
        if (token == null || token.isBlank() || token.length() > 4_096) {
            throw new NotSignedIn("sign in first: no token");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new NotSignedIn("the token is not valid: sign in again");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null) {
                throw new NotSignedIn("the token is not valid: sign in again");
            }
            if (!clock.instant().isBefore(expires.toInstant())) {
                throw new NotSignedIn("the token has expired: sign in again");
            }
            Long site = claims.getLongClaim("wm");
            if (site == null || site != webmasterId) {
                throw new NotSignedIn("the token belongs to another site");
            }
            return new ChatIdentity(
                    webmasterId,
                    Long.parseLong(claims.getSubject()),
                    Role.valueOf(claims.getStringClaim("role")),
                    claims.getStringClaim("name"),
                    expires.toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw new NotSignedIn("the token is not valid: sign in again");
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ppv.tokens.key must be base64", e);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("ppv.tokens.key must hold at least " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }
}
