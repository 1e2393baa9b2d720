package ppvchat.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordFilterTest {

    private final WordFilter filter = new WordFilter();

    @Test
    void masksWholeListedWordsWhateverTheirCase() {
        assertEquals("**** it, **** no!", filter.mask("Darn it, HECK no!", List.of("darn", "heck")));
    }

    @Test
    void leavesWordsThatOnlyContainAListedOne() {
        assertEquals("a classic class, no ***", filter.mask("a classic class, no ass", List.of("ass")));
        assertEquals("heckler", filter.mask("heckler", List.of("heck")));
    }

    @Test
    void knowsLettersBeyondAscii() {
        assertEquals("merdé ****", filter.mask("merdé merd", List.of("merd")), "é is a letter: another word");
        assertEquals("*****, *****!", filter.mask("Ärger, ärger!", List.of("ärger")));
    }

    @Test
    void listedTextIsLiteralNeverAPattern() {
        assertEquals("a.b stays, *** goes", filter.mask("a.b stays, a+b goes", List.of("a+b")));
    }

    @Test
    void anEmptyListChangesNothing() {
        assertEquals("Darn", filter.mask("Darn", List.of()));
    }
}
