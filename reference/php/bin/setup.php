<?php
declare(strict_types=1);

// Creates the schema and the demo users and credit packages. Safe to run again: it adds what is missing and
// changes nothing that is there.
//   PPV_REF_DSN=sqlite:/tmp/ref.sqlite php bin/setup.php
require dirname(__DIR__) . '/src/autoload.php';

use PpvRef\Database;
use PpvRef\Schema;

$pdo = Database::connect();
Schema::create($pdo);

$demoPassword = PpvRef\Config::env('PPV_REF_DEMO_PASSWORD', 'demo');
$users = [
    // id, username, credits, role, gender
    ['1001', 'alice', 1000, 'user', 'female'],
    ['1002', 'bob', 0, 'user', 'male'],
    ['1003', 'mia', 0, 'moderator', 'female'],
];
$add = $pdo->prepare('INSERT INTO users (id, username, password_hash, credits, role, gender, image, profile)
                      VALUES (?, ?, ?, ?, ?, ?, NULL, ?)');
$exists = $pdo->prepare('SELECT 1 FROM users WHERE id = ?');
foreach ($users as [$id, $name, $credits, $role, $gender]) {
    $exists->execute([$id]);
    if ($exists->fetchColumn() === false) {
        $add->execute([$id, $name, password_hash($demoPassword, PASSWORD_DEFAULT), $credits, $role, $gender,
            "https://www.example.com/members/$name"]);
    }
}

if ((int) $pdo->query('SELECT COUNT(*) FROM ppv_item')->fetchColumn() === 0) {
    $item = $pdo->prepare('INSERT INTO ppv_item (seconds, price, description) VALUES (?, ?, ?)');
    foreach ([[600, '10.00', '600 credits'], [1500, '20.00', '1,500 credits'], [4000, '50.00', '4,000 credits']] as $row) {
        $item->execute($row);
    }
}
fwrite(STDOUT, "Schema ready on " . preg_replace('/password=[^;]*/i', 'password=…', PpvRef\Config::dsn())
    . "; demo users alice (1000 credits), bob (0), mia (moderator), password '$demoPassword'.\n");
