<?php
declare(strict_types=1);

namespace PpvRef;

/**
 * The contract's endpoints under /ppv-api/: checks the signature on the raw body, then the JSON, then calls
 * one handler. Every refusal is {"error": "..."} with its status; nothing else ever reaches the caller.
 */
final class Router
{
    public const PREFIX = '/ppv-api/';

    private const ROUTES = [
        'authenticate' => [Users::class, 'authenticate'],
        'balance' => [Users::class, 'balance'],
        'debit' => [Ledger::class, 'debit'],
        'refund' => [Ledger::class, 'refund'],
        'shows' => [Reports::class, 'show'],
        'tips' => [Reports::class, 'tip'],
        'reconciliation' => [Ledger::class, 'reconciliation'],
    ];

    /** Answers one call; returns [status, answer]. */
    public static function handle(string $method, string $path, array $headers, string $body): array
    {
        try {
            $name = substr($path, strlen(self::PREFIX));
            if (!isset(self::ROUTES[$name])) {
                throw new ApiError(404, "No such call: $path");
            }
            if ($method !== 'POST') {
                throw new ApiError(405, "$path takes POST");
            }
            Signature::check($headers, $body, Config::site(), Config::secret(), time());
            $input = Input::parse($body);
            $key = json_decode($body, true)['key'] ?? null;
            if (is_string($key) && isset($headers['idempotency-key']) && $headers['idempotency-key'] !== $key) {
                throw new ApiError(400, 'Idempotency-Key header differs from the body\'s key');
            }
            return [200, call_user_func(self::ROUTES[$name], $input)];
        } catch (ApiError $e) {
            return [$e->status, ['error' => $e->getMessage()] + $e->extra];
        } catch (\Throwable $e) {
            // The details go to the server's log, never to the caller.
            error_log('ppv reference server: ' . $e);
            return [500, ['error' => 'Internal error; see the server log']];
        }
    }

    /** Lower-cased request headers, the way the built-in server and most SAPIs give them. */
    public static function headers(): array
    {
        $headers = [];
        foreach (getallheaders() as $name => $value) {
            $headers[strtolower($name)] = $value;
        }
        return $headers;
    }
}
