-- Buying credits with PayPal Checkout (Orders v2 and webhooks).

-- Where a site's money goes: its PayPal account's email (paypal_email, from V1) or its merchant id.
ALTER TABLE webmaster ADD COLUMN paypal_merchant_id VARCHAR(20);

-- After a refund or a reversal a user's purchases and private shows wait for the webmaster's decision
-- (purchases_hold says why; NULL means none), and credits that were already spent stay recorded.
ALTER TABLE chat_user ADD COLUMN purchases_hold VARCHAR(300);
ALTER TABLE chat_user ADD COLUMN credit_shortfall BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chat_user ADD CONSTRAINT ck_chat_user_shortfall CHECK (credit_shortfall >= 0);

-- An order made on PayPal for one package. Amount, currency, credits and payee are copied from the
-- package and the site when it is made, never taken from the browser. The reference is ours (PayPal
-- knows it as invoice_id and inside custom_id); PayPal's own id arrives when PayPal answers.
CREATE TABLE paypal_order (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference        VARCHAR(36)   NOT NULL,
    webmasterid      BIGINT        NOT NULL,
    user_id          BIGINT        NOT NULL,
    item_id          BIGINT        NOT NULL,
    credits          BIGINT        NOT NULL,
    amount           DECIMAL(12,2) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    payee            VARCHAR(254)  NOT NULL,
    paypal_order_id  VARCHAR(36),
    approve_url      VARCHAR(1000),
    capture_id       VARCHAR(19),
    status           VARCHAR(10)   NOT NULL,
    failure          VARCHAR(300),
    capture_attempts INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_paypal_order_reference UNIQUE (reference),
    CONSTRAINT uq_paypal_order_paypal UNIQUE (paypal_order_id),
    CONSTRAINT uq_paypal_order_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_paypal_order_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT fk_paypal_order_item FOREIGN KEY (webmasterid, item_id) REFERENCES ppv_item (webmasterid, id),
    CONSTRAINT ck_paypal_order_amounts CHECK (credits > 0 AND amount > 0),
    CONSTRAINT ck_paypal_order_status CHECK (status IN ('CREATING', 'CREATED', 'APPROVED', 'PENDING', 'COMPLETED',
        'DECLINED', 'CANCELLED', 'FAILED'))
);
CREATE INDEX ix_paypal_order_status ON paypal_order (status, updated_at);

-- ppv_paypal (V1) keeps one row per capture; what happened to it since is added here.
ALTER TABLE ppv_paypal ADD COLUMN order_id BIGINT;
ALTER TABLE ppv_paypal ADD COLUMN refunded DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE ppv_paypal ADD COLUMN credits_back BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ppv_paypal ADD CONSTRAINT fk_ppv_paypal_order FOREIGN KEY (webmasterid, order_id)
    REFERENCES paypal_order (webmasterid, id);

-- Every message PayPal sent us, raw: webhook deliveries (each retry its own row) and the answers to our
-- calls. A webhook is stored before it is answered, then verified and acted on; processed_at stays
-- NULL until that is done, so a crash or PayPal being down only delays it. next_attempt_at is both the
-- backoff and a lease: whoever claims a message moves it forward, so two servers never work on it at once.
CREATE TABLE ppv_paypal_message (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid  BIGINT,
    source       VARCHAR(8)   NOT NULL,
    event_id     VARCHAR(80),
    event_type   VARCHAR(80)  NOT NULL,
    resource_id  VARCHAR(80),
    body_sha256  CHAR(64)     NOT NULL,
    headers      TEXT,
    body         MEDIUMTEXT   NOT NULL,
    verification VARCHAR(10)  NOT NULL,
    outcome      VARCHAR(500),
    attempts     INT          NOT NULL DEFAULT 0,
    received_at  DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    processed_at DATETIME(6),
    CONSTRAINT ck_ppv_paypal_message_source CHECK (source IN ('WEBHOOK', 'API')),
    CONSTRAINT ck_ppv_paypal_message_verification CHECK (verification IN ('PENDING', 'SUCCESS', 'FAILURE',
        'DUPLICATE', 'NOT_NEEDED'))
);
CREATE INDEX ix_ppv_paypal_message_event ON ppv_paypal_message (event_id);
CREATE INDEX ix_ppv_paypal_message_todo ON ppv_paypal_message (processed_at, next_attempt_at);
CREATE INDEX ix_ppv_paypal_message_site ON ppv_paypal_message (webmasterid, received_at);

-- Money that went back: refunds, reversals (chargebacks) and cancelled reversals, each once (PayPal's
-- id is unique), with the credits it called back and how many of them were still there to take.
CREATE TABLE paypal_refund (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid   BIGINT        NOT NULL,
    paypal_id     BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    refund_id     VARCHAR(60)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    credits_due   BIGINT        NOT NULL,
    credits_taken BIGINT        NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_paypal_refund UNIQUE (refund_id),
    CONSTRAINT fk_paypal_refund_capture FOREIGN KEY (webmasterid, paypal_id) REFERENCES ppv_paypal (webmasterid, id),
    CONSTRAINT fk_paypal_refund_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id),
    CONSTRAINT ck_paypal_refund_kind CHECK (kind IN ('REFUND', 'REVERSAL', 'REVERSAL_CANCELLED')),
    CONSTRAINT ck_paypal_refund_credits CHECK (credits_taken >= 0 AND credits_taken <= credits_due)
);

-- Buyers' disputes (CUSTOMER.DISPUTE.*), shown to the webmaster. paypal_updated_at is PayPal's own time
-- of the description kept, so a late redelivery of an older one changes nothing.
CREATE TABLE paypal_dispute (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid BIGINT        NOT NULL,
    dispute_id  VARCHAR(40)   NOT NULL,
    paypal_id   BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    reason      VARCHAR(60),
    status      VARCHAR(40)   NOT NULL,
    outcome     VARCHAR(60),
    amount      DECIMAL(12,2),
    currency    CHAR(3),
    opened_at   DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    paypal_updated_at DATETIME(6),
    CONSTRAINT uq_paypal_dispute UNIQUE (dispute_id),
    CONSTRAINT fk_paypal_dispute_capture FOREIGN KEY (webmasterid, paypal_id) REFERENCES ppv_paypal (webmasterid, id),
    CONSTRAINT fk_paypal_dispute_user FOREIGN KEY (webmasterid, user_id) REFERENCES chat_user (webmasterid, id)
);
CREATE INDEX ix_paypal_dispute_site ON paypal_dispute (webmasterid, updated_at);
