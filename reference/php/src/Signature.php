<?php
declare(strict_types=1);

namespace PpvRef;

/**
 * Checks the chat server's signature on a call: HMAC-SHA256 with the site's API secret over
 * "<timestamp>.<raw body>", sent as X-PPV-Signature: v1=<hex>, with X-PPV-Timestamp in Unix seconds.
 * Check it on the raw bytes, before parsing: re-encoded JSON would not match.
 */
final class Signature
{
    /** How far the call's timestamp may be from our clock: bounds the replay of a captured call. */
    public const TOLERANCE_SECONDS = 300;

    public static function sign(string $secret, int $timestamp, string $body): string
    {
        return 'v1=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);
    }

    /** Throws a 401 ApiError unless the headers carry a fresh, valid signature of $body for this site. */
    public static function check(array $headers, string $body, string $site, string $secret, int $now): void
    {
        $timestamp = $headers['x-ppv-timestamp'] ?? '';
        $signature = $headers['x-ppv-signature'] ?? '';
        if ($timestamp === '' || $signature === '') {
            throw new ApiError(401, 'Unsigned call: X-PPV-Timestamp and X-PPV-Signature are required');
        }
        if (($headers['x-ppv-site'] ?? '') !== $site) {
            throw new ApiError(401, 'X-PPV-Site does not name this site');
        }
        if (!ctype_digit($timestamp) || abs($now - (int) $timestamp) > self::TOLERANCE_SECONDS) {
            throw new ApiError(401, 'X-PPV-Timestamp is more than 300 seconds from this server\'s clock');
        }
        // hash_equals compares in constant time: the answer time tells an attacker nothing.
        if (!hash_equals(self::sign($secret, (int) $timestamp, $body), $signature)) {
            throw new ApiError(401, 'X-PPV-Signature does not match the body');
        }
    }
}
