<?php
declare(strict_types=1);

namespace PpvRef;

/**
 * Settings from the environment, so that no secret sits in a file under the web root.
 *   PPV_REF_SITE    the webmaster id the chat server knows this site by (sent as X-PPV-Site)
 *   PPV_REF_SECRET  the site's API secret, as shown in the chat's admin console (64 hex digits)
 *   PPV_REF_DSN     a PDO DSN; default: a SQLite file in reference/php/data/
 *   PPV_REF_DB_USER, PPV_REF_DB_PASSWORD  for MariaDB/MySQL DSNs
 *   PPV_REF_CHAT    the chat server's base URL, for the host pages (default http://localhost:8080)
 */
final class Config
{
    public static function site(): string
    {
        return self::env('PPV_REF_SITE', '1');
    }

    public static function secret(): string
    {
        $secret = self::env('PPV_REF_SECRET', '');
        if ($secret === '') {
            throw new \RuntimeException('PPV_REF_SECRET is not set: the API secret of the site is needed to check calls');
        }
        return $secret;
    }

    public static function dsn(): string
    {
        return self::env('PPV_REF_DSN', 'sqlite:' . dirname(__DIR__) . '/data/reference.sqlite');
    }

    public static function chat(): string
    {
        return rtrim(self::env('PPV_REF_CHAT', 'http://localhost:8080'), '/');
    }

    public static function env(string $name, string $default): string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? $default : $value;
    }
}
