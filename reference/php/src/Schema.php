<?php
declare(strict_types=1);

namespace PpvRef;

use PDO;

/**
 * The tables a webmaster's site has: the seed product's ppv_tips, ppv_item and ppv_paypal, the site's users,
 * and ppv_credit_moves, which makes debits and refunds idempotent (one row per key, with the first answer).
 * Portable SQL: only the auto-increment column differs between SQLite and MariaDB.
 */
final class Schema
{
    public static function create(PDO $pdo): void
    {
        $id = Database::isSqlite($pdo) ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'INT AUTO_INCREMENT PRIMARY KEY';
        $statements = [
            "CREATE TABLE IF NOT EXISTS users (
                id VARCHAR(64) NOT NULL PRIMARY KEY,
                username VARCHAR(64) NOT NULL UNIQUE,
                password_hash VARCHAR(255) NOT NULL,
                credits BIGINT NOT NULL DEFAULT 0 CHECK (credits >= 0),
                role VARCHAR(16) NOT NULL DEFAULT 'user',
                gender VARCHAR(16) NOT NULL DEFAULT 'other',
                image VARCHAR(500) NULL,
                profile VARCHAR(500) NULL
            )",
            "CREATE TABLE IF NOT EXISTS ppv_item (
                id $id,
                seconds INT NOT NULL,
                price DECIMAL(10,2) NOT NULL,
                description VARCHAR(255) NOT NULL
            )",
            "CREATE TABLE IF NOT EXISTS ppv_paypal (
                id $id,
                transaction_id VARCHAR(19) NOT NULL UNIQUE,
                userid VARCHAR(64) NOT NULL,
                itemid INT NOT NULL,
                amount DECIMAL(10,2) NOT NULL,
                currency VARCHAR(3) NOT NULL,
                status VARCHAR(32) NOT NULL,
                date DATETIME(6) NOT NULL
            )",
            "CREATE TABLE IF NOT EXISTS ppv_tips (
                id $id,
                webmasterid VARCHAR(64) NOT NULL,
                userid VARCHAR(64) NOT NULL,
                username VARCHAR(64) NOT NULL,
                performerid BIGINT NOT NULL,
                performername VARCHAR(128) NOT NULL,
                action VARCHAR(16) NOT NULL CHECK (action IN ('tips', 'liveshow')),
                credits BIGINT NOT NULL,
                price DECIMAL(12,4) NOT NULL,
                performerBenefit DECIMAL(12,4) NOT NULL,
                date DATETIME(6) NOT NULL,
                showid BIGINT NULL,
                tipid BIGINT NULL,
                idempotency_key VARCHAR(100) NOT NULL UNIQUE,
                request_hash CHAR(64) NOT NULL
            )",
            "CREATE TABLE IF NOT EXISTS ppv_credit_moves (
                id $id,
                move_key VARCHAR(100) NOT NULL UNIQUE,
                kind VARCHAR(8) NOT NULL CHECK (kind IN ('debit', 'refund')),
                userid VARCHAR(64) NOT NULL,
                credits BIGINT NOT NULL CHECK (credits > 0),
                reason VARCHAR(8) NULL,
                debit_key VARCHAR(100) NULL,
                request_hash CHAR(64) NOT NULL,
                answer TEXT NOT NULL,
                created_at DATETIME(6) NOT NULL
            )",
        ];
        foreach ($statements as $sql) {
            $pdo->exec($sql);
        }
        // Reconciliation reads moves by time.
        try {
            $pdo->exec('CREATE INDEX idx_moves_created ON ppv_credit_moves (created_at)');
        } catch (\PDOException $e) {
            // Already there: CREATE INDEX IF NOT EXISTS is not portable to older MariaDB.
        }
    }
}
