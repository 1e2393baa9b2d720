<?php
declare(strict_types=1);

namespace PpvRef;

/**
 * The login token a host page puts in the chat's script tag (data-login) so that its signed-in user lands in
 * the chat signed in: a JWT (HS256) signed with the site's API secret, valid for at most 300 seconds, for
 * this site only ("aud"), used once ("jti"). It is made on the server: the secret never reaches the browser.
 */
final class ChatLogin
{
    public static function token(array $user, string $site, string $secret, int $lifetime = 120): string
    {
        $now = time();
        $claims = [
            'aud' => "ppv-chat/$site",
            'sub' => (string) $user['id'],
            'username' => $user['username'],
            'image' => $user['image'],
            'gender' => $user['gender'],
            'role' => $user['role'],
            'profile' => $user['profile'],
            'iat' => $now,
            'exp' => $now + min($lifetime, 300),
            'jti' => bin2hex(random_bytes(16)),
        ];
        $part = fn (array $json) => self::base64url(json_encode($json, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR));
        $signed = $part(['alg' => 'HS256', 'typ' => 'JWT']) . '.' . $part($claims);
        return $signed . '.' . self::base64url(hash_hmac('sha256', $signed, $secret, true));
    }

    private static function base64url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }
}
