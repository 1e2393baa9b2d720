-- Sign-in from the host site (auto-login). A site chooses which roles its own server may sign users in
-- as; ADMIN never. Each host login token is accepted once: its id is kept here until it has expired, so
-- that a token copied from a page cannot sign in a second time, on any node of a cluster.
ALTER TABLE webmaster ADD COLUMN host_login_roles VARCHAR(60) NOT NULL DEFAULT 'USER';

CREATE TABLE host_login_use (
    token_key    VARCHAR(160) NOT NULL PRIMARY KEY,
    webmasterid  BIGINT       NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_host_login_use_webmaster FOREIGN KEY (webmasterid) REFERENCES webmaster (id)
);
CREATE INDEX ix_host_login_use_expiry ON host_login_use (webmasterid, expires_at);
