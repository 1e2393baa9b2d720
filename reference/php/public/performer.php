<?php
declare(strict_types=1);

// The host site's performer page in external mode. The visitor signs in to this site (a plain PHP session);
// the page then vouches for them to the chat with a short-lived login token signed with the API secret, so
// that they land in the chat signed in. Credits stay in this site's database: the chat debits them through
// the contract calls in /ppv-api/.
require dirname(__DIR__) . '/src/autoload.php';

use PpvRef\ApiError;
use PpvRef\ChatLogin;
use PpvRef\Config;
use PpvRef\Input;
use PpvRef\Users;

session_start();
$error = null;
if (($_POST['action'] ?? '') === 'signin') {
    try {
        $user = Users::authenticate(new Input(['username' => $_POST['username'] ?? '', 'password' => $_POST['password'] ?? '']));
        session_regenerate_id(true);
        $_SESSION['user'] = $user;
    } catch (ApiError $e) {
        $error = $e->getMessage();
    }
} elseif (($_POST['action'] ?? '') === 'signout') {
    $_SESSION = [];
    session_regenerate_id(true);
}

$user = $_SESSION['user'] ?? null;
$performerId = max(0, (int) ($_GET['id'] ?? 0));
$chat = Config::chat();
$site = Config::site();
$e = fn (?string $text) => htmlspecialchars((string) $text, ENT_QUOTES);
// A fresh token on every page view: it lasts two minutes and the chat accepts each one once.
$token = $user === null ? null : ChatLogin::token($user, $site, Config::secret());
?>
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Performer</title>
  <style>body { font-family: system-ui, sans-serif; margin: 2rem; } form { margin: 1rem 0; }</style>
</head>
<body>
<p><a href="performers.php">← all performers</a></p>
<?php if ($user === null): ?>
  <h1>Sign in to watch</h1>
  <?php if ($error !== null): ?><p role="alert"><?= $e($error) ?></p><?php endif ?>
  <form method="post">
    <input type="hidden" name="action" value="signin">
    <label>Username <input name="username" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button>Sign in</button>
  </form>
  <p>Demo users: alice (1,000 credits), bob (none), mia (moderator); password <code>demo</code>.</p>
<?php else: ?>
  <form method="post">
    Signed in as <strong><?= $e($user['username']) ?></strong>
    <input type="hidden" name="action" value="signout"><button>Sign out</button>
  </form>
  <!-- The chat, opened at performer #<?= $performerId ?>'s room, signed in by the token. -->
  <script src="<?= $e($chat) ?>/embed/<?= $e(rawurlencode($site)) ?>/user.js"<?php if ($performerId > 0): ?> data-performer="<?= $performerId ?>"<?php endif ?> data-login="<?= $e($token) ?>"></script>
<?php endif ?>
</body>
</html>
