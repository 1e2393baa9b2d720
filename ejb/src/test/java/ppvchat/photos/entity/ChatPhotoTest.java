package ppvchat.photos.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;

class ChatPhotoTest {

    private static final Instant NOW = TestEntities.NOW;
    private static final ChatUser ALICE = TestEntities.user(3L, 7L, Role.USER);
    private static final EncodedPhoto JPEG = new EncodedPhoto("image/jpeg", new byte[] {1, 2, 3}, 800, 600);

    @Test
    void aSharedPhotoHasARandomIdAndKeepsItsBytes() {
        ChatPhoto photo = ChatPhoto.share(ALICE, 2, JPEG, NOW);
        ChatPhoto another = ChatPhoto.share(ALICE, 2, JPEG, NOW);

        assertEquals(photo.id(), UUID.fromString(photo.id()).toString());
        assertNotEquals(photo.id(), another.id());
        assertTrue(photo.belongsTo(3));
        assertFalse(photo.belongsTo(4));
        assertEquals(7, photo.userId());
        assertEquals(3, photo.byteCount());
        assertArrayEquals(new byte[] {1, 2, 3}, photo.content());
    }

    @Test
    void removingDropsTheBytesAndKeepsTheFirstTime() {
        ChatPhoto photo = ChatPhoto.share(ALICE, 2, JPEG, NOW);

        photo.remove(NOW.plusSeconds(5));
        photo.remove(NOW.plusSeconds(9));

        assertTrue(photo.isRemoved());
        assertEquals(NOW.plusSeconds(5), photo.removedAt());
        assertThrows(PhotoRemoved.class, photo::content);
    }

    @Test
    void onlyReencodedJpegOrPngWithPixelsAndBytesIsStored() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ChatPhoto.share(ALICE, 2, new EncodedPhoto("image/gif", new byte[] {1}, 1, 1), NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> ChatPhoto.share(ALICE, 2, new EncodedPhoto("image/png", new byte[0], 1, 1), NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> ChatPhoto.share(ALICE, 2, new EncodedPhoto("image/png", new byte[] {1}, 0, 1), NOW));
    }
}
