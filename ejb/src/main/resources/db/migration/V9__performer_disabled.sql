-- A site's admins disable a performer from the console: off the wall, no sign-in, no going live. Null while enabled.
ALTER TABLE performer ADD COLUMN disabled_at DATETIME(6);
