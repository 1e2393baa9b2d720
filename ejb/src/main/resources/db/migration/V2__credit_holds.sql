-- Hold-then-settle metering. A running show reserves a block of the user's credits (held_credits); the
-- meter counts seconds in memory, checkpoints billed seconds every few seconds, and settles exactly once
-- at the end. Held credits stay part of the balance (the ledger is untouched until settlement) but
-- cannot be spent twice: tips and other shows only use credits - held_credits.
ALTER TABLE chat_user ADD COLUMN held_credits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chat_user ADD CONSTRAINT ck_chat_user_held CHECK (held_credits >= 0 AND held_credits <= credits);

ALTER TABLE private_show ADD COLUMN held_credits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE private_show ADD COLUMN checkpointed_at DATETIME(6);
ALTER TABLE private_show ADD CONSTRAINT ck_private_show_held CHECK (held_credits >= 0);
CREATE INDEX ix_private_show_open ON private_show (status, id);
