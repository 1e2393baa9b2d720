<?php
declare(strict_types=1);

namespace PpvRef;

/** A refusal that becomes {"error": message, ...extra} with its HTTP status. */
final class ApiError extends \RuntimeException
{
    public function __construct(public readonly int $status, string $message, public readonly array $extra = [])
    {
        parent::__construct($message);
    }
}
