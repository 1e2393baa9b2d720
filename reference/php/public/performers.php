<?php
declare(strict_types=1);

// The host site's performer listing in external mode: reads the chat's public wall API on the server side
// and links each performer to this site's own performer page.
require dirname(__DIR__) . '/src/autoload.php';

use PpvRef\Config;

$chat = Config::chat();
$site = rawurlencode(Config::site());
$context = stream_context_create(['http' => ['timeout' => 3, 'ignore_errors' => true]]);
$json = @file_get_contents("$chat/api/webmasters/$site/performers", false, $context);
$performers = is_string($json) ? json_decode($json, true) : null;
$e = fn (?string $text) => htmlspecialchars((string) $text, ENT_QUOTES);
$labels = ['online' => 'Online', 'busy' => 'In a private show', 'offline' => 'Offline'];
?>
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Our performers</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem; }
    ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 1rem; }
    li a { display: block; padding: 1rem; border: 1px solid #ccc; border-radius: .5rem; color: inherit; text-decoration: none; }
    img { width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: .25rem; background: #eee; }
    .online { color: #080; } .busy { color: #a70; } .offline { color: #a00; }
  </style>
</head>
<body>
<h1>Our performers</h1>
<?php if (!is_array($performers)): ?>
  <p>The chat at <?= $e($chat) ?> does not answer right now; try again in a minute.</p>
<?php elseif ($performers === []): ?>
  <p>No performers yet.</p>
<?php else: ?>
  <ul>
  <?php foreach ($performers as $p): ?>
    <li><a href="performer.php?id=<?= (int) $p['id'] ?>">
      <?php if (!empty($p['photoUrl'])): ?><img src="<?= $e($chat . $p['photoUrl']) ?>" alt=""><?php endif ?>
      <strong><?= $e($p['displayName']) ?></strong><br>
      <span class="<?= $e($p['status']) ?>"><?= $e($labels[$p['status']] ?? $p['status']) ?></span>
      · <?= (int) $p['pricePerMinute'] ?> credits a minute
      <?php if (!empty($p['headline'])): ?><br><small><?= $e($p['headline']) ?></small><?php endif ?>
    </a></li>
  <?php endforeach ?>
  </ul>
<?php endif ?>
</body>
</html>
