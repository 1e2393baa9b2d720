-- Metering nodes. Every JVM that meters private shows owns the shows it started and writes one heartbeat
-- a second, whatever the number of shows. A running show's billed seconds follow from facts that change
-- rarely (start, grace locked at start, seconds its hold covers) and from its node's last heartbeat, so
-- per-show checkpoints are retired: a crash loses at most about a second per show, and a node whose
-- heartbeat is stale has died and its shows are settled up to that heartbeat.
CREATE TABLE metering_node (
    name         VARCHAR(64) PRIMARY KEY,
    started_at   DATETIME(6) NOT NULL,
    heartbeat_at DATETIME(6) NOT NULL,
    stopped_at   DATETIME(6)
);

ALTER TABLE private_show ADD COLUMN node VARCHAR(64);
ALTER TABLE private_show ADD COLUMN grace_seconds INT NOT NULL DEFAULT 0;
ALTER TABLE private_show ADD COLUMN rounding_rule VARCHAR(10);
ALTER TABLE private_show ADD COLUMN covered_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE private_show ADD CONSTRAINT ck_private_show_covered CHECK (grace_seconds >= 0 AND covered_seconds >= 0);

-- Shows left running by a crash before this version settle from their last checkpoint: with no grace and
-- their checkpoint as the seconds covered, the heartbeat rule gives exactly the checkpoint.
UPDATE private_show SET covered_seconds = billed_seconds, grace_seconds = 0 WHERE status IN ('ACCEPTED', 'RUNNING');
UPDATE private_show SET rounding_rule = (SELECT w.rounding_rule FROM webmaster w WHERE w.id = private_show.webmasterid);

ALTER TABLE private_show DROP COLUMN checkpointed_at;
CREATE INDEX ix_private_show_node ON private_show (node, status);
