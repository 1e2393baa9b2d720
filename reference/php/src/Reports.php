<?php
declare(strict_types=1);

namespace PpvRef;

use PDO;

/**
 * Finished private shows and tips, as the chat reports them, kept as ppv_tips rows the way the seed product
 * keeps them (action 'liveshow' or 'tips'), once per key: the unique idempotency_key column makes a repeat
 * a no-op.
 */
final class Reports
{
    /** POST /shows */
    public static function show(Input $in): array
    {
        $report = [
            'key' => $in->string('key', 100),
            'showId' => $in->positive('showId'),
            'userId' => $in->string('userId'),
            'performerId' => $in->positive('performerId'),
            'performerName' => $in->string('performerName', 128),
            'startedAt' => $in->time('startedAt'),
            'endedAt' => $in->time('endedAt'),
            'seconds' => $in->count('seconds'),
            'credits' => $in->count('credits'),
            'price' => $in->money('price'),
            'performerBenefit' => $in->money('performerBenefit'),
            'endReason' => $in->string('endReason', 64),
        ];
        if ($report['key'] !== 'show:' . $report['showId']) {
            throw new ApiError(400, 'key must be "show:<showId>"');
        }
        return self::keep($report, 'liveshow', $report['endedAt'], $report['showId'], null);
    }

    /** POST /tips */
    public static function tip(Input $in): array
    {
        $report = [
            'key' => $in->string('key', 100),
            'tipId' => $in->positive('tipId'),
            'userId' => $in->string('userId'),
            'performerId' => $in->positive('performerId'),
            'performerName' => $in->string('performerName', 128),
            'credits' => $in->positive('credits'),
            'price' => $in->money('price'),
            'performerBenefit' => $in->money('performerBenefit'),
            'at' => $in->time('at'),
        ];
        if ($report['key'] !== 'tip:' . $report['tipId']) {
            throw new ApiError(400, 'key must be "tip:<tipId>"');
        }
        return self::keep($report, 'tips', $report['at'], null, $report['tipId']);
    }

    private static function keep(array $report, string $action, string $date, ?int $showId, ?int $tipId): array
    {
        $hash = hash('sha256', json_encode($report));
        $user = Users::find($report['userId']);
        try {
            return Database::transaction(function (PDO $pdo) use ($report, $action, $date, $showId, $tipId, $hash, $user) {
                $seen = $pdo->prepare('SELECT request_hash FROM ppv_tips WHERE idempotency_key = ?');
                $seen->execute([$report['key']]);
                $before = $seen->fetchColumn();
                if ($before !== false) {
                    return self::repeat($report['key'], $before, $hash);
                }
                $pdo->prepare('INSERT INTO ppv_tips (webmasterid, userid, username, performerid, performername, action,
                                   credits, price, performerBenefit, date, showid, tipid, idempotency_key, request_hash)
                               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
                    ->execute([Config::site(), $report['userId'], $user['username'], $report['performerId'],
                        $report['performerName'], $action, $report['credits'], $report['price'],
                        $report['performerBenefit'], $date, $showId, $tipId, $report['key'], $hash]);
                return ['key' => $report['key'], 'replayed' => false];
            });
        } catch (\PDOException $e) {
            if (!Database::isDuplicate($e)) {
                throw $e;
            }
            // The same report arrived twice at once; the other one was kept.
            return ['key' => $report['key'], 'replayed' => true];
        }
    }

    private static function repeat(string $key, string $before, string $hash): array
    {
        if (!hash_equals($before, $hash)) {
            throw new ApiError(409, "Key $key was already reported with different content");
        }
        return ['key' => $key, 'replayed' => true];
    }
}
