package ppvchat.chat.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks a webmaster's listed words in chat text: whole words, ignoring case, each letter replaced by
 * {@code *}. The compiled pattern is kept per distinct list, so a changed list takes effect at once.
 */
@ApplicationScoped
public class WordFilter {

    private final Cache<List<String>, Optional<Pattern>> patterns =
            Caffeine.newBuilder().maximumSize(1_000).build();

    public String mask(String text, List<String> words) {
        Optional<Pattern> pattern = patterns.get(words, WordFilter::compile);
        if (pattern.isEmpty()) {
            return text;
        }
        Matcher matcher = pattern.get().matcher(text);
        return matcher.replaceAll(match ->
                "*".repeat(match.group().codePointCount(0, match.group().length())));
    }

    private static Optional<Pattern> compile(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String alternatives = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // Word edges that know letters beyond ASCII: "ass" is masked, "class" is not.
        return Optional.of(Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
