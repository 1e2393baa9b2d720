package ppvchat.chat.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The words a site's chat masks, as the console's Moderation page edits them. The chat reads the list with
 * each message, so a change applies to the next message in every room, without a restart.
 */
@Stateless
public class BadWords {

    /** Enough for {@link Webmaster#MAX_BAD_WORDS} words and their separators; more is refused unread. */
    static final int MAX_TEXT = 25_000;

    @PersistenceContext
    EntityManager em;

    public List<String> of(long webmasterId) {
        return site(webmasterId, LockModeType.NONE).badWords();
    }

    /** Replaces the list with the words in {@code text}, one a line or separated by commas; returns the list kept. */
    public List<String> replace(long webmasterId, String text) {
        String words = text == null ? "" : text;
        if (words.length() > MAX_TEXT) {
            throw new DomainException("the list is too long: at most " + Webmaster.MAX_BAD_WORDS + " words");
        }
        Webmaster site = site(webmasterId, LockModeType.PESSIMISTIC_WRITE);
        try {
            site.maskWords(Arrays.asList(words.split("[,\\r\\n]+")));
        } catch (IllegalArgumentException refused) {
            throw new DomainException(refused.getMessage());
        }
        return site.badWords();
    }

    private Webmaster site(long webmasterId, LockModeType lock) {
        Webmaster site = em.find(Webmaster.class, webmasterId, lock);
        if (site == null) {
            throw new NotFound("no site " + webmasterId);
        }
        return site;
    }
}
