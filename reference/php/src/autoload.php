<?php
declare(strict_types=1);

// The reference server has no dependencies: classes PpvRef\X live in src/X.php.
spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'PpvRef\\')) {
        require __DIR__ . '/' . substr($class, strlen('PpvRef\\')) . '.php';
    }
});
