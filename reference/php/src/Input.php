<?php
declare(strict_types=1);

namespace PpvRef;

/** Reads one field of a call's JSON body, or refuses the call with 400 naming the field. */
final class Input
{
    public function __construct(private readonly array $body)
    {
    }

    public static function parse(string $raw): self
    {
        try {
            $body = json_decode($raw, true, 16, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException $e) {
            throw new ApiError(400, 'The body is not valid JSON: ' . $e->getMessage());
        }
        if (!is_array($body) || array_is_list($body) && $body !== []) {
            throw new ApiError(400, 'The body must be a JSON object');
        }
        return new self($body);
    }

    public function string(string $field, int $max = 64): string
    {
        $value = $this->body[$field] ?? null;
        // /u also refuses bytes that are not UTF-8; mbstring is not needed.
        if (!is_string($value) || !preg_match('/^.{1,' . $max . '}$/us', $value)) {
            throw new ApiError(400, "$field must be a non-empty string of at most $max characters");
        }
        return $value;
    }

    public function positive(string $field): int
    {
        $value = $this->body[$field] ?? null;
        if (!is_int($value) || $value <= 0) {
            throw new ApiError(400, "$field must be a positive integer");
        }
        return $value;
    }

    public function count(string $field): int
    {
        $value = $this->body[$field] ?? null;
        if (!is_int($value) || $value < 0) {
            throw new ApiError(400, "$field must be an integer, 0 or more");
        }
        return $value;
    }

    public function optionalId(string $field): ?int
    {
        return ($this->body[$field] ?? null) === null ? null : $this->positive($field);
    }

    public function oneOf(string $field, array $allowed): string
    {
        $value = $this->body[$field] ?? null;
        if (!in_array($value, $allowed, true)) {
            throw new ApiError(400, "$field must be one of " . implode(', ', $allowed));
        }
        return $value;
    }

    /** Money: a string with exact decimals, e.g. "1.50"; never a float. */
    public function money(string $field): string
    {
        $value = $this->body[$field] ?? null;
        if (!is_string($value) || !preg_match('/^\d{1,8}(\.\d{1,4})?$/', $value)) {
            throw new ApiError(400, "$field must be an amount as a string, like \"1.50\"");
        }
        return $value;
    }

    /** An ISO-8601 time, returned in the stored form (UTC, microseconds). */
    public function time(string $field): string
    {
        $value = $this->body[$field] ?? null;
        $pattern = '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/';
        if (!is_string($value) || !preg_match($pattern, $value)) {
            throw new ApiError(400, "$field must be an ISO-8601 time like 2026-01-31T20:15:00Z");
        }
        // PHP keeps microseconds only: cut longer fractions before parsing.
        $value = preg_replace('/(\.\d{6})\d+/', '$1', $value);
        try {
            $time = new \DateTimeImmutable($value);
        } catch (\Exception $e) {
            throw new ApiError(400, "$field is not a valid time");
        }
        return $time->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s.u');
    }
}
