-- PPV Chat schema, version 1. Runs unchanged on MariaDB and on H2 (MODE=MariaDB, DATABASE_TO_LOWER).
-- Conventions: every table carries its tenant in `webmasterid`; times are UTC DATETIME(6); credits are
-- BIGINT; money is DECIMAL with the currency beside it. Enumerations are VARCHAR + CHECK so that a new
-- value is one migration on both databases. Composite foreign keys (webmasterid, id) make it impossible
-- for a row to point at another tenant's row.

CREATE TABLE webmaster (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(100)  NOT NULL,
    integration_mode     VARCHAR(10)   NOT NULL,
    paypal_email         VARCHAR(254),
    currency             CHAR(3)       NOT NULL,
    credit_value         DECIMAL(12,6) NOT NULL,
    default_percentage   DECIMAL(5,2)  NOT NULL,
    min_price_per_minute INT           NOT NULL,
    max_price_per_minute INT           NOT NULL,
    grace_seconds        INT           NOT NULL,
    min_balance_start    BIGINT        NOT NULL,
    min_balance_stay     BIGINT        NOT NULL,
    low_balance_warnings VARCHAR(100)  NOT NULL,
    rounding_rule        VARCHAR(10)   NOT NULL,
    allowed_origins      TEXT,
    api_secret           VARCHAR(128)  NOT NULL,
    external_base_url    VARCHAR(500),
    chat_css             TEXT,
    wall_css             TEXT,
    created_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_webmaster_mode CHECK (integration_mode IN ('EMBED', 'EXTERNAL')),
    CONSTRAINT ck_webmaster_credit_value CHECK (credit_value > 0),
    CONSTRAINT ck_webmaster_percentage CHECK (default_percentage >= 0 AND default_percentage <= 100),
    CONSTRAINT ck_webmaster_prices CHECK (min_price_per_minute > 0 AND max_price_per_minute >= min_price_per_minute),
    CONSTRAINT ck_webmaster_balances CHECK (grace_seconds >= 0 AND min_balance_stay >= 0 AND min_balance_start >= min_balance_stay),
    CONSTRAINT ck_webmaster_rounding CHECK (rounding_rule IN ('UP', 'DOWN', 'HALF_UP')),
    CONSTRAINT ck_webmaster_external CHECK (integration_mode = 'EMBED' OR external_base_url IS NOT NULL)
);

CREATE TABLE role_permission (
    webmasterid BIGINT      NOT NULL,
    role        VARCHAR(10) NOT NULL,
    permission  VARCHAR(20) NOT NULL,
    PRIMARY KEY (webmasterid, role, permission),
    CONSTRAINT fk_role_permission_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id),
    CONSTRAINT ck_role_permission_role CHECK (role IN ('ADMIN', 'MODERATOR', 'PERFORMER', 'USER', 'GUEST')),
    CONSTRAINT ck_role_permission_permission CHECK (permission IN ('LIVE_TYPING', 'KICK', 'BAN', 'TIP', 'REQUEST_PRIVATE', 'PUBLIC_CHAT')),
    CONSTRAINT ck_role_permission_live_typing CHECK (permission <> 'LIVE_TYPING' OR role IN ('ADMIN', 'MODERATOR', 'PERFORMER'))
);

CREATE TABLE chat_user (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid  BIGINT       NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    avatar_url   VARCHAR(500),
    gender       VARCHAR(10)  NOT NULL,
    profile_url  VARCHAR(500),
    role         VARCHAR(10)  NOT NULL,
    credits      BIGINT       NOT NULL DEFAULT 0,
    banned_until DATETIME(6),
    ban_reason   VARCHAR(500),
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_chat_user_tenant UNIQUE (webmasterid, id),
    CONSTRAINT uq_chat_user_external UNIQUE (webmasterid, external_id),
    CONSTRAINT uq_chat_user_username UNIQUE (webmasterid, username),
    CONSTRAINT fk_chat_user_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id),
    CONSTRAINT ck_chat_user_credits CHECK (credits >= 0),
    CONSTRAINT ck_chat_user_role CHECK (role IN ('ADMIN', 'MODERATOR', 'PERFORMER', 'USER', 'GUEST')),
    CONSTRAINT ck_chat_user_gender CHECK (gender IN ('FEMALE', 'MALE', 'COUPLE', 'OTHER', 'UNKNOWN'))
);

CREATE TABLE console_account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid   BIGINT,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_console_account_username UNIQUE (username),
    CONSTRAINT fk_console_account_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id),
    CONSTRAINT ck_console_account_role CHECK (role IN ('PLATFORM_ADMIN', 'WEBMASTER_ADMIN', 'MODERATOR', 'ACCOUNTANT')),
    CONSTRAINT ck_console_account_tenant CHECK ((role = 'PLATFORM_ADMIN' AND webmasterid IS NULL)
                                             OR (role <> 'PLATFORM_ADMIN' AND webmasterid IS NOT NULL))
);

CREATE TABLE performer (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid      BIGINT       NOT NULL,
    user_id          BIGINT       NOT NULL,
    display_name     VARCHAR(80)  NOT NULL,
    headline         VARCHAR(200),
    price_per_minute INT          NOT NULL,
    percentage       DECIMAL(5,2),
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_performer_tenant UNIQUE (webmasterid, id),
    CONSTRAINT uq_performer_user UNIQUE (user_id),
    CONSTRAINT fk_performer_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_performer_price CHECK (price_per_minute > 0),
    CONSTRAINT ck_performer_percentage CHECK (percentage IS NULL OR (percentage >= 0 AND percentage <= 100))
);

CREATE TABLE performer_photo (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid  BIGINT      NOT NULL,
    performer_id BIGINT      NOT NULL,
    sort_order   INT         NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    content      MEDIUMBLOB  NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT uq_performer_photo_order UNIQUE (performer_id, sort_order),
    CONSTRAINT fk_performer_photo_performer FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT ck_performer_photo_type CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml'))
);

CREATE TABLE private_show (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid     BIGINT      NOT NULL,
    performer_id    BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    status          VARCHAR(10) NOT NULL,
    rate_per_minute INT         NOT NULL,
    requested_at    DATETIME(6) NOT NULL,
    accepted_at     DATETIME(6),
    started_at      DATETIME(6),
    ended_at        DATETIME(6),
    billed_seconds  BIGINT      NOT NULL DEFAULT 0,
    credits_charged BIGINT      NOT NULL DEFAULT 0,
    end_reason      VARCHAR(20),
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_private_show_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_private_show_performer FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT fk_private_show_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_private_show_status CHECK (status IN ('REQUESTED', 'ACCEPTED', 'RUNNING', 'ENDED', 'DECLINED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_private_show_rate CHECK (rate_per_minute > 0),
    CONSTRAINT ck_private_show_billing CHECK (billed_seconds >= 0 AND credits_charged >= 0),
    CONSTRAINT ck_private_show_end CHECK ((status = 'ENDED') = (end_reason IS NOT NULL)),
    CONSTRAINT ck_private_show_end_reason CHECK (end_reason IS NULL OR end_reason IN
        ('USER_LEFT', 'PERFORMER_ENDED', 'CREDITS_EXHAUSTED', 'DISCONNECTED', 'SERVER_RESTART', 'MODERATOR'))
);
CREATE INDEX ix_private_show_status ON private_show (webmasterid, status);

-- Earnings: one row per tip (action 'tips') and per finished show (action 'liveshow'). Seed table and
-- columns kept; added: webmasterid, show_id (a show earns once), statement_id (a row is paid once).
CREATE TABLE ppv_tips (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid      BIGINT        NOT NULL,
    userid           BIGINT        NOT NULL,
    performerid      BIGINT        NOT NULL,
    action           VARCHAR(10)   NOT NULL,
    credits          BIGINT        NOT NULL,
    price            DECIMAL(14,2) NOT NULL,
    performerBenefit DECIMAL(14,2) NOT NULL,
    date             DATETIME(6)   NOT NULL,
    show_id          BIGINT,
    statement_id     BIGINT,
    CONSTRAINT uq_ppv_tips_show UNIQUE (show_id),
    CONSTRAINT fk_ppv_tips_user FOREIGN KEY (webmasterid, userid) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_ppv_tips_performer FOREIGN KEY (webmasterid, performerid) REFERENCES performer (webmasterid, id),
    CONSTRAINT fk_ppv_tips_show FOREIGN KEY (webmasterid, show_id) REFERENCES private_show (webmasterid, id),
    CONSTRAINT ck_ppv_tips_action CHECK (action IN ('tips', 'liveshow')),
    CONSTRAINT ck_ppv_tips_show CHECK ((action = 'liveshow') = (show_id IS NOT NULL)),
    CONSTRAINT ck_ppv_tips_amounts CHECK (credits > 0 AND price >= 0 AND performerBenefit >= 0 AND performerBenefit <= price)
);
CREATE INDEX ix_ppv_tips_period ON ppv_tips (webmasterid, performerid, date);

-- Credit packages. Seed table and columns kept: `seconds` holds the credits the package grants.
CREATE TABLE ppv_item (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid BIGINT        NOT NULL,
    seconds     BIGINT        NOT NULL,
    price       DECIMAL(12,2) NOT NULL,
    description VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_ppv_item_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_ppv_item_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id),
    CONSTRAINT ck_ppv_item_amounts CHECK (seconds > 0 AND price > 0)
);

-- Settled PayPal transactions. The seed kept the transaction id in an int; PayPal ids are 17-19
-- characters, so txn_id is a string, unique across all tenants (PayPal ids are global).
CREATE TABLE ppv_paypal (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid    BIGINT        NOT NULL,
    txn_id         VARCHAR(19)   NOT NULL,
    userid         BIGINT        NOT NULL,
    itemid         BIGINT,
    gross          DECIMAL(12,2) NOT NULL,
    currency       CHAR(3)       NOT NULL,
    receiver_email VARCHAR(254)  NOT NULL,
    payment_status VARCHAR(20)   NOT NULL,
    credits        BIGINT        NOT NULL,
    log            TEXT          NOT NULL,
    date           DATETIME(6)   NOT NULL,
    CONSTRAINT uq_ppv_paypal_txn UNIQUE (txn_id),
    CONSTRAINT uq_ppv_paypal_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_ppv_paypal_user FOREIGN KEY (webmasterid, userid) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_ppv_paypal_item FOREIGN KEY (webmasterid, itemid) REFERENCES ppv_item (webmasterid, id),
    CONSTRAINT ck_ppv_paypal_txn CHECK (CHAR_LENGTH(txn_id) >= 17)
);

-- The credit ledger: append-only; the balance on chat_user is its cache, changed in the same transaction.
CREATE TABLE ledger_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid     BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    kind            VARCHAR(12)  NOT NULL,
    credits         BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    idempotency_key VARCHAR(120) NOT NULL,
    show_id         BIGINT,
    tip_id          BIGINT,
    paypal_id       BIGINT,
    actor           VARCHAR(100),
    reason          VARCHAR(500),
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_ledger_entry_key UNIQUE (webmasterid, idempotency_key),
    CONSTRAINT fk_ledger_entry_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_ledger_entry_show FOREIGN KEY (webmasterid, show_id) REFERENCES private_show (webmasterid, id),
    CONSTRAINT fk_ledger_entry_tip FOREIGN KEY (tip_id) REFERENCES ppv_tips (id),
    CONSTRAINT fk_ledger_entry_paypal FOREIGN KEY (webmasterid, paypal_id) REFERENCES ppv_paypal (webmasterid, id),
    CONSTRAINT ck_ledger_entry_kind CHECK (kind IN ('PURCHASE', 'SHOW_CHARGE', 'TIP', 'REFUND', 'REVERSAL', 'ADJUSTMENT')),
    CONSTRAINT ck_ledger_entry_sign CHECK (
        (kind = 'PURCHASE' AND credits > 0)
        OR (kind IN ('SHOW_CHARGE', 'TIP', 'REFUND', 'REVERSAL') AND credits < 0)
        OR (kind = 'ADJUSTMENT' AND credits <> 0 AND actor IS NOT NULL AND reason IS NOT NULL)),
    CONSTRAINT ck_ledger_entry_balance CHECK (balance_after >= 0)
);
CREATE INDEX ix_ledger_entry_user ON ledger_entry (webmasterid, user_id, id);

CREATE TABLE payout_statement (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid       BIGINT        NOT NULL,
    performer_id      BIGINT        NOT NULL,
    period_start      DATE          NOT NULL,
    period_end        DATE          NOT NULL,
    tips_count        INT           NOT NULL,
    tips_credits      BIGINT        NOT NULL,
    shows_count       INT           NOT NULL,
    shows_seconds     BIGINT        NOT NULL,
    shows_credits     BIGINT        NOT NULL,
    gross             DECIMAL(14,2) NOT NULL,
    performer_benefit DECIMAL(14,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    approved_at       DATETIME(6),
    approved_by       VARCHAR(64),
    paid_at           DATETIME(6),
    paid_by           VARCHAR(64),
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_payout_statement_period UNIQUE (webmasterid, performer_id, period_start, period_end),
    CONSTRAINT uq_payout_statement_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_payout_statement_performer FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT ck_payout_statement_period CHECK (period_end > period_start),
    CONSTRAINT ck_payout_statement_status CHECK (status IN ('OPEN', 'APPROVED', 'PAID')),
    CONSTRAINT ck_payout_statement_amounts CHECK (tips_count >= 0 AND tips_credits >= 0 AND shows_count >= 0
        AND shows_seconds >= 0 AND shows_credits >= 0 AND gross >= 0 AND performer_benefit >= 0 AND performer_benefit <= gross)
);
ALTER TABLE ppv_tips ADD CONSTRAINT fk_ppv_tips_statement FOREIGN KEY (webmasterid, statement_id) REFERENCES payout_statement (webmasterid, id);

CREATE TABLE support_ticket (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid       BIGINT       NOT NULL,
    opened_by_user_id BIGINT       NOT NULL,
    subject           VARCHAR(200) NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_support_ticket_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_support_ticket_user FOREIGN KEY (webmasterid, opened_by_user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_support_ticket_status CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED'))
);

CREATE TABLE support_message (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid       BIGINT      NOT NULL,
    ticket_id         BIGINT      NOT NULL,
    author_user_id    BIGINT,
    author_account_id BIGINT,
    body              TEXT        NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    CONSTRAINT fk_support_message_ticket FOREIGN KEY (webmasterid, ticket_id) REFERENCES support_ticket (webmasterid, id),
    CONSTRAINT fk_support_message_user FOREIGN KEY (webmasterid, author_user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_support_message_account FOREIGN KEY (author_account_id) REFERENCES console_account (id),
    CONSTRAINT ck_support_message_author CHECK ((author_user_id IS NULL) <> (author_account_id IS NULL))
);
CREATE INDEX ix_support_message_ticket ON support_message (ticket_id, id);

CREATE TABLE moderation_action (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid       BIGINT       NOT NULL,
    target_user_id    BIGINT       NOT NULL,
    action            VARCHAR(10)  NOT NULL,
    performer_id      BIGINT,
    actor_user_id     BIGINT,
    actor_account_id  BIGINT,
    reason            VARCHAR(500),
    expires_at        DATETIME(6),
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT fk_moderation_target FOREIGN KEY (webmasterid, target_user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_moderation_room FOREIGN KEY (webmasterid, performer_id) REFERENCES performer (webmasterid, id),
    CONSTRAINT fk_moderation_actor_user FOREIGN KEY (webmasterid, actor_user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_moderation_actor_account FOREIGN KEY (actor_account_id) REFERENCES console_account (id),
    CONSTRAINT ck_moderation_action CHECK (action IN ('KICK', 'BAN', 'UNBAN', 'MUTE')),
    CONSTRAINT ck_moderation_actor CHECK ((actor_user_id IS NULL) <> (actor_account_id IS NULL))
);
CREATE INDEX ix_moderation_target ON moderation_action (webmasterid, target_user_id, created_at);
