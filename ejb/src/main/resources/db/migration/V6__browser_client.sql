-- The browser client: the language a site's chat speaks by default, and photos users share in a room's chat.
ALTER TABLE webmaster ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en';

-- A shared photo, re-encoded on upload (no metadata survives). Its id is random: the URL names it and
-- cannot be guessed. Removing it (a moderator) drops the bytes and keeps the row for the trail.
CREATE TABLE chat_photo (
    id            VARCHAR(36)  PRIMARY KEY,
    webmasterid   BIGINT       NOT NULL,
    performer_id  BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    content_type  VARCHAR(20)  NOT NULL,
    width         INT          NOT NULL,
    height        INT          NOT NULL,
    byte_count    INT          NOT NULL,
    content       MEDIUMBLOB,
    created_at    DATETIME(6)  NOT NULL,
    removed_at    DATETIME(6),
    CONSTRAINT fk_chat_photo_room FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT fk_chat_photo_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_chat_photo_type CHECK (content_type IN ('image/jpeg', 'image/png')),
    CONSTRAINT ck_chat_photo_size CHECK (width > 0 AND height > 0 AND byte_count > 0),
    CONSTRAINT ck_chat_photo_removed CHECK ((content IS NULL) = (removed_at IS NOT NULL))
);
CREATE INDEX ix_chat_photo_room ON chat_photo (webmasterid, performer_id, created_at);
