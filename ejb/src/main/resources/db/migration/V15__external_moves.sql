-- External mode: the site's own server keeps users' credits. Credits it debits for the chat are mirrored in
-- the ledger as EXTERNAL_DEBIT (in) and, when a show did not use them all, EXTERNAL_RETURN (out), so that
-- every invariant of the ledger holds here too.
ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_entry_kind;
ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_entry_sign;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_entry_kind CHECK (kind IN ('PURCHASE', 'SHOW_CHARGE', 'TIP',
    'REFUND', 'REVERSAL', 'ADJUSTMENT', 'EXT_DEBIT', 'EXT_RETURN'));
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_entry_sign CHECK (
    (kind IN ('PURCHASE', 'EXT_DEBIT') AND credits > 0)
    OR (kind IN ('SHOW_CHARGE', 'TIP', 'REFUND', 'REVERSAL', 'EXT_RETURN') AND credits < 0)
    OR (kind = 'ADJUSTMENT' AND credits <> 0 AND actor IS NOT NULL AND reason IS NOT NULL));

-- Every call that moves credits on the site's server, or reports to it, made or owed. A debit is written
-- PENDING before it is sent and CONFIRMED in the same transaction as its ledger entry; one still PENDING a
-- minute later was never booked here and is undone. Refunds and reports are written PENDING with the
-- settlement that owes them and sent until the site's server confirms (idempotent by key).
CREATE TABLE external_move (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid     BIGINT        NOT NULL,
    user_id         BIGINT        NOT NULL,
    host_user_id    VARCHAR(64)   NOT NULL,
    move_key        VARCHAR(120)  NOT NULL,
    kind            VARCHAR(12)   NOT NULL,
    debit_key       VARCHAR(120),
    credits         BIGINT        NOT NULL,
    show_id         BIGINT,
    body            TEXT,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(500),
    created_at      DATETIME(6)   NOT NULL,
    confirmed_at    DATETIME(6),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_external_move_key UNIQUE (webmasterid, move_key),
    CONSTRAINT fk_external_move_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_external_move_kind CHECK (kind IN ('DEBIT', 'REFUND', 'SHOW_REPORT', 'TIP_REPORT')),
    CONSTRAINT ck_external_move_status CHECK (status IN ('PENDING', 'CONFIRMED', 'REFUSED', 'VOID')),
    CONSTRAINT ck_external_move_credits CHECK (credits >= 0)
);
CREATE INDEX ix_external_move_due ON external_move (status, next_attempt_at);
CREATE INDEX ix_external_move_show ON external_move (webmasterid, show_id);
