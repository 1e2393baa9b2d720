<?php
declare(strict_types=1);

namespace PpvRef;

use PDO;

/**
 * The PDO connection and the few places where SQLite and MariaDB differ. Everything else is plain SQL that
 * both understand.
 */
final class Database
{
    private static ?PDO $pdo = null;

    public static function connect(): PDO
    {
        if (self::$pdo === null) {
            $pdo = new PDO(Config::dsn(), Config::env('PPV_REF_DB_USER', '') ?: null,
                Config::env('PPV_REF_DB_PASSWORD', '') ?: null, [
                    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
                    PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
                    PDO::ATTR_TIMEOUT => 10, // SQLite: how long to wait for another writer's lock
                ]);
            if (self::isSqlite($pdo)) {
                // WAL lets readers go on while one request writes.
                $pdo->exec('PRAGMA journal_mode = WAL');
                $pdo->exec('PRAGMA busy_timeout = 10000');
            }
            self::$pdo = $pdo;
        }
        return self::$pdo;
    }

    public static function isSqlite(PDO $pdo): bool
    {
        return $pdo->getAttribute(PDO::ATTR_DRIVER_NAME) === 'sqlite';
    }

    /**
     * Runs $work in one transaction and returns its result; rolls back on any exception.
     * SQLite takes its write lock at BEGIN IMMEDIATE, so two requests never both read a balance and then
     * both write it; MariaDB gets the same guarantee from row locks (SELECT ... FOR UPDATE) and conditional
     * UPDATEs.
     */
    public static function transaction(callable $work): mixed
    {
        $pdo = self::connect();
        $sqlite = self::isSqlite($pdo);
        $sqlite ? $pdo->exec('BEGIN IMMEDIATE') : $pdo->beginTransaction();
        try {
            $result = $work($pdo);
            $sqlite ? $pdo->exec('COMMIT') : $pdo->commit();
            return $result;
        } catch (\Throwable $e) {
            $sqlite ? $pdo->exec('ROLLBACK') : $pdo->rollBack();
            throw $e;
        }
    }

    /** " FOR UPDATE" where the database has row locks; SQLite already holds the whole database. */
    public static function forUpdate(): string
    {
        return self::isSqlite(self::connect()) ? '' : ' FOR UPDATE';
    }

    /** Whether a PDO error is a unique-key violation (SQLSTATE 23000 on both databases). */
    public static function isDuplicate(\PDOException $e): bool
    {
        return $e->getCode() === '23000' || str_contains($e->getMessage(), 'UNIQUE constraint failed');
    }

    /** Now, in UTC with microseconds, in the form both databases store and compare as text. */
    public static function now(): string
    {
        return (new \DateTimeImmutable('now', new \DateTimeZone('UTC')))->format('Y-m-d H:i:s.u');
    }

    /** A stored time as the contract's ISO-8601 UTC string. */
    public static function iso(string $stored): string
    {
        $time = new \DateTimeImmutable($stored, new \DateTimeZone('UTC'));
        return $time->format('Y-m-d\TH:i:s.u\Z');
    }
}
