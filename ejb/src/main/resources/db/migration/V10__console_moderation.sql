-- Console moderation: a moderator may stop a running private show (recorded in the trail), and the
-- Moderation page reads a site's trail, its current bans and its typing-preview audit newest first.
ALTER TABLE moderation_action DROP CONSTRAINT ck_moderation_action;
ALTER TABLE moderation_action ADD CONSTRAINT ck_moderation_action
    CHECK (action IN ('KICK', 'BAN', 'UNBAN', 'MUTE', 'REMOVE', 'STOP'));

CREATE INDEX ix_moderation_recent ON moderation_action (webmasterid, created_at);
CREATE INDEX ix_typing_audit_recent ON typing_preview_audit (webmasterid, started_at);
CREATE INDEX ix_chat_user_banned ON chat_user (webmasterid, banned_until);
