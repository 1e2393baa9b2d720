<?php
declare(strict_types=1);

namespace PpvRef;

/** The site's users as the chat sees them: /authenticate and /balance. */
final class Users
{
    /** POST /authenticate {username, password} */
    public static function authenticate(Input $in): array
    {
        $username = $in->string('username');
        $password = $in->string('password', 200);
        $statement = Database::connect()->prepare('SELECT * FROM users WHERE username = ?');
        $statement->execute([$username]);
        $user = $statement->fetch();
        // Verify a hash even for an unknown name, so the answer time does not tell which names exist.
        $hash = $user['password_hash'] ?? '$2y$10$toLczMuCBt0QRnVv0tDMselO4ZxJJXdBDTMwa4NzM/lyx5SWx5m0.';
        if (!password_verify($password, $hash) || $user === false) {
            throw new ApiError(401, 'Wrong username or password');
        }
        return self::describe($user);
    }

    /** POST /balance {userId} */
    public static function balance(Input $in): array
    {
        $user = self::find($in->string('userId'));
        return ['userId' => $user['id'], 'credits' => (int) $user['credits']];
    }

    public static function find(string $id): array
    {
        $statement = Database::connect()->prepare('SELECT * FROM users WHERE id = ?');
        $statement->execute([$id]);
        $user = $statement->fetch();
        if ($user === false) {
            throw new ApiError(404, "Unknown user $id");
        }
        return $user;
    }

    /** The user as the chat shows them: never the password hash, never the credits. */
    public static function describe(array $user): array
    {
        return [
            'id' => (string) $user['id'],
            'username' => $user['username'],
            'image' => $user['image'],
            'gender' => $user['gender'],
            'role' => $user['role'],
            'profile' => $user['profile'],
        ];
    }
}
