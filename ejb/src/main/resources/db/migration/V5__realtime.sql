-- Real time: each webmaster's list of words the chat masks, message removal in the moderation trail, and
-- the audit of staff watching what users type before they send it.
ALTER TABLE webmaster ADD COLUMN bad_words TEXT;

ALTER TABLE moderation_action DROP CONSTRAINT ck_moderation_action;
ALTER TABLE moderation_action ADD CONSTRAINT ck_moderation_action
    CHECK (action IN ('KICK', 'BAN', 'UNBAN', 'MUTE', 'REMOVE'));

CREATE TABLE typing_preview_audit (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid     BIGINT       NOT NULL,
    performer_id    BIGINT       NOT NULL,
    viewer_user_id  BIGINT       NOT NULL,
    viewer_role     VARCHAR(10)  NOT NULL,
    started_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_typing_audit_room FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT fk_typing_audit_viewer FOREIGN KEY (webmasterid, viewer_user_id) REFERENCES chat_user (webmasterid, id)
);
CREATE INDEX ix_typing_audit_room ON typing_preview_audit (webmasterid, performer_id, started_at);
