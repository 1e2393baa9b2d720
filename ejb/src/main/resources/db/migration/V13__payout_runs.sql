-- Payout runs: one per site and period, kept in the application's database so that the console's
-- history and progress survive a restart (Payara's batch repository does not), and so that a run
-- interrupted by a crash resumes from what it committed. The period is [period_start, period_end) in
-- the site's time zone at the time of the run.
CREATE TABLE payout_run (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid       BIGINT       NOT NULL,
    period_start      DATE         NOT NULL,
    period_end        DATE         NOT NULL,
    time_zone         VARCHAR(64)  NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    requested_at      DATETIME(6)  NOT NULL,
    started_at        DATETIME(6),
    finished_at       DATETIME(6),
    heartbeat_at      DATETIME(6),
    node              VARCHAR(64),
    attempts          INT          NOT NULL DEFAULT 0,
    performers_total  INT          NOT NULL DEFAULT 0,
    performers_done   INT          NOT NULL DEFAULT 0,
    statements_made   INT          NOT NULL DEFAULT 0,
    earnings_paid     BIGINT       NOT NULL DEFAULT 0,
    earnings_skipped  INT          NOT NULL DEFAULT 0,
    failure           VARCHAR(500),
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_payout_run_period UNIQUE (webmasterid, period_start, period_end),
    CONSTRAINT uq_payout_run_tenant UNIQUE (webmasterid, id),
    CONSTRAINT fk_payout_run_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id),
    CONSTRAINT ck_payout_run_period CHECK (period_end > period_start),
    CONSTRAINT ck_payout_run_status CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    CONSTRAINT ck_payout_run_progress CHECK (performers_done >= 0 AND performers_done <= performers_total
        AND statements_made >= 0 AND earnings_paid >= 0 AND earnings_skipped >= 0 AND attempts >= 0)
);
CREATE INDEX ix_payout_run_status ON payout_run (status, heartbeat_at);

-- The run that made a statement, and the reference of the transfer that paid it.
ALTER TABLE payout_statement ADD COLUMN run_id BIGINT;
ALTER TABLE payout_statement ADD COLUMN paid_reference VARCHAR(100);
ALTER TABLE payout_statement ADD CONSTRAINT fk_payout_statement_run FOREIGN KEY (webmasterid, run_id)
    REFERENCES payout_run (webmasterid, id);
CREATE INDEX ix_payout_statement_run ON payout_statement (run_id, performer_id);

-- Earnings a run could not pay because they contradict what they claim to be (a show's earning that
-- does not match the show). They stay unpaid, and every run that meets them again reports them.
CREATE TABLE payout_skipped_earning (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    webmasterid  BIGINT       NOT NULL,
    run_id       BIGINT       NOT NULL,
    earning_id   BIGINT       NOT NULL,
    performer_id BIGINT       NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    CONSTRAINT uq_payout_skipped_earning UNIQUE (run_id, earning_id),
    CONSTRAINT fk_payout_skipped_run FOREIGN KEY (webmasterid, run_id) REFERENCES payout_run (webmasterid, id),
    CONSTRAINT fk_payout_skipped_earning FOREIGN KEY (earning_id) REFERENCES ppv_tips (id)
);

-- Each site's time zone (payout periods and their schedule follow it) and its payout calendar:
-- OFF, WEEKLY on a day of the week (1 = Monday) or MONTHLY on a day of the month (1..28), at a time.
ALTER TABLE webmaster ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE webmaster ADD COLUMN payout_frequency VARCHAR(10) NOT NULL DEFAULT 'OFF';
ALTER TABLE webmaster ADD COLUMN payout_day INT NOT NULL DEFAULT 1;
ALTER TABLE webmaster ADD COLUMN payout_time VARCHAR(5) NOT NULL DEFAULT '02:00';
ALTER TABLE webmaster ADD CONSTRAINT ck_webmaster_payout_calendar CHECK (payout_frequency IN ('OFF', 'WEEKLY', 'MONTHLY')
    AND payout_day >= 1 AND payout_day <= 28);
