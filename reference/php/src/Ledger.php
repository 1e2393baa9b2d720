<?php
declare(strict_types=1);

namespace PpvRef;

use PDO;

/**
 * Debits and refunds of users' credits, each applied at most once per key.
 *
 * Every move is one row of ppv_credit_moves, keyed by the call's idempotency key and holding the hash of the
 * request and the first answer. A repeated key with the same request gets that first answer back with
 * "replayed": true and nothing moves again; with a different request it gets 409. The row and the change of
 * credits are written in one transaction, and the debit is a conditional UPDATE (credits >= asked), so a
 * balance never goes below zero, whatever runs at the same time.
 */
final class Ledger
{
    /** POST /debit {key, userId, credits, reason, showId, performerId, performerName} */
    public static function debit(Input $in): array
    {
        $request = [
            'key' => $in->string('key', 100),
            'userId' => $in->string('userId'),
            'credits' => $in->positive('credits'),
            'reason' => $in->oneOf('reason', ['show', 'tip']),
            'showId' => $in->optionalId('showId'),
            'performerId' => $in->positive('performerId'),
            'performerName' => $in->string('performerName', 128),
        ];
        return self::once($request, function (PDO $pdo) use ($request): array {
            Users::find($request['userId']);
            self::record($pdo, $request, 'debit', null);
            $take = $pdo->prepare('UPDATE users SET credits = credits - ? WHERE id = ? AND credits >= ?');
            $take->execute([$request['credits'], $request['userId'], $request['credits']]);
            if ($take->rowCount() !== 1) {
                // Throwing rolls back the move row too: nothing was debited.
                $balance = self::balance($pdo, $request['userId']);
                throw new ApiError(402, 'Not enough credits', ['balance' => $balance]);
            }
            return self::answer($pdo, $request);
        });
    }

    /** POST /refund {key, debitKey, userId, credits} */
    public static function refund(Input $in): array
    {
        $request = [
            'key' => $in->string('key', 100),
            'debitKey' => $in->string('debitKey', 100),
            'userId' => $in->string('userId'),
            'credits' => $in->positive('credits'),
        ];
        return self::once($request, function (PDO $pdo) use ($request): array {
            // Lock the debit so that two refunds of it cannot both see the same amount left.
            $find = $pdo->prepare("SELECT * FROM ppv_credit_moves WHERE move_key = ? AND kind = 'debit'"
                . Database::forUpdate());
            $find->execute([$request['debitKey']]);
            $debit = $find->fetch();
            if ($debit === false) {
                throw new ApiError(404, "Unknown debitKey {$request['debitKey']}");
            }
            if ($debit['userid'] !== $request['userId']) {
                throw new ApiError(409, "Debit {$request['debitKey']} is not user {$request['userId']}'s");
            }
            $sum = $pdo->prepare("SELECT COALESCE(SUM(credits), 0) FROM ppv_credit_moves WHERE kind = 'refund' AND debit_key = ?");
            $sum->execute([$request['debitKey']]);
            $left = (int) $debit['credits'] - (int) $sum->fetchColumn();
            if ($request['credits'] > $left) {
                throw new ApiError(409, "Refund of {$request['credits']} credits exceeds the $left left on debit {$request['debitKey']}");
            }
            self::record($pdo, $request, 'refund', $request['debitKey']);
            $pdo->prepare('UPDATE users SET credits = credits + ? WHERE id = ?')
                ->execute([$request['credits'], $request['userId']]);
            return self::answer($pdo, $request);
        });
    }

    /** POST /reconciliation {from, to}: what was applied in [from, to). */
    public static function reconciliation(Input $in): array
    {
        $from = $in->time('from');
        $to = $in->time('to');
        $statement = Database::connect()->prepare(
            'SELECT * FROM ppv_credit_moves WHERE created_at >= ? AND created_at < ? ORDER BY id');
        $statement->execute([$from, $to]);
        $debits = [];
        $refunds = [];
        foreach ($statement as $move) {
            $at = Database::iso($move['created_at']);
            if ($move['kind'] === 'debit') {
                $debits[] = ['key' => $move['move_key'], 'userId' => $move['userid'],
                    'credits' => (int) $move['credits'], 'reason' => $move['reason'], 'at' => $at];
            } else {
                $refunds[] = ['key' => $move['move_key'], 'debitKey' => $move['debit_key'],
                    'userId' => $move['userid'], 'credits' => (int) $move['credits'], 'at' => $at];
            }
        }
        return ['debits' => $debits, 'refunds' => $refunds];
    }

    /** Runs $apply once per key; a repeat gets the first answer (same request) or 409 (different request). */
    private static function once(array $request, callable $apply): array
    {
        $hash = hash('sha256', json_encode($request));
        try {
            return Database::transaction(function (PDO $pdo) use ($request, $hash, $apply): array {
                return self::replay($pdo, $request['key'], $hash) ?? $apply($pdo);
            });
        } catch (\PDOException $e) {
            // Another request with the same key committed between our look and our insert: answer as a repeat.
            if (!Database::isDuplicate($e)) {
                throw $e;
            }
            return Database::transaction(fn (PDO $pdo) => self::replay($pdo, $request['key'], $hash))
                ?? throw $e;
        }
    }

    private static function replay(PDO $pdo, string $key, string $hash): ?array
    {
        $statement = $pdo->prepare('SELECT request_hash, answer FROM ppv_credit_moves WHERE move_key = ?');
        $statement->execute([$key]);
        $done = $statement->fetch();
        if ($done === false) {
            return null;
        }
        if (!hash_equals($done['request_hash'], $hash)) {
            throw new ApiError(409, "Key $key was already used for a different request");
        }
        return json_decode($done['answer'], true) + ['replayed' => true];
    }

    /** Inserts the move first: its unique key is what stops a second, concurrent request with the same key. */
    private static function record(PDO $pdo, array $request, string $kind, ?string $debitKey): void
    {
        $pdo->prepare('INSERT INTO ppv_credit_moves (move_key, kind, userid, credits, reason, debit_key, request_hash, answer, created_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            ->execute([$request['key'], $kind, $request['userId'], $request['credits'], $request['reason'] ?? null,
                $debitKey, hash('sha256', json_encode($request)), '{}', Database::now()]);
    }

    /** The answer, stored with the move so that a repeat gets exactly the same figures. */
    private static function answer(PDO $pdo, array $request): array
    {
        $answer = ['key' => $request['key'], 'credits' => $request['credits'],
            'balance' => self::balance($pdo, $request['userId'])];
        $pdo->prepare('UPDATE ppv_credit_moves SET answer = ? WHERE move_key = ?')
            ->execute([json_encode($answer), $request['key']]);
        return $answer + ['replayed' => false];
    }

    private static function balance(PDO $pdo, string $userId): int
    {
        $statement = $pdo->prepare('SELECT credits FROM users WHERE id = ?');
        $statement->execute([$userId]);
        return (int) $statement->fetchColumn();
    }
}
