-- Support tickets opened from the console: a console account (a moderator or a site's admin) may open a
-- ticket as well as a performer or a chat moderator. Exactly one of the two openers is set.
ALTER TABLE support_ticket MODIFY opened_by_user_id BIGINT NULL;
ALTER TABLE support_ticket ADD COLUMN opened_by_account_id BIGINT;
ALTER TABLE support_ticket ADD CONSTRAINT fk_support_ticket_account FOREIGN KEY (opened_by_account_id)
    REFERENCES console_account (id);
ALTER TABLE support_ticket ADD CONSTRAINT ck_support_ticket_opener
    CHECK ((opened_by_user_id IS NULL) <> (opened_by_account_id IS NULL));

-- The support page and the performer page list a site's tickets by status, newest activity first.
CREATE INDEX ix_support_ticket_activity ON support_ticket (webmasterid, status, updated_at);
