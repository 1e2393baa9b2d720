<?php
declare(strict_types=1);

// Front controller for `php -S 127.0.0.1:8090 -t public public/index.php` (or any web server that sends
// /ppv-api/* here). Contract calls go to the Router; the host pages are served as the files they are.
require dirname(__DIR__) . '/src/autoload.php';

use PpvRef\Router;

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';

if (str_starts_with($path, Router::PREFIX)) {
    [$status, $answer] = Router::handle(
        $_SERVER['REQUEST_METHOD'] ?? 'GET', $path, Router::headers(), file_get_contents('php://input'));
    http_response_code($status);
    header('Content-Type: application/json');
    header('Cache-Control: no-store');
    echo json_encode($answer, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    return;
}
if ($path === '/' || $path === '/index.php') {
    header('Location: /performers.php');
    return;
}
$file = realpath(__DIR__ . $path);
if (PHP_SAPI === 'cli-server' && $file !== false && is_file($file) && str_starts_with($file, __DIR__ . '/')) {
    return false; // the built-in server serves (and runs) the page itself
}
http_response_code(404);
header('Content-Type: application/json');
echo json_encode(['error' => "Not found: $path"]);
