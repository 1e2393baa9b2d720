-- The platform admin's console: sites can be disabled, and each site's API secret is sealed at rest
-- (a JWE under PPV_SECRETS_KEY, longer than the secret) and may be unset until an admin creates one.
ALTER TABLE webmaster ADD COLUMN disabled_at DATETIME(6);
ALTER TABLE webmaster ADD COLUMN api_secret_rotated_at DATETIME(6);
ALTER TABLE webmaster MODIFY COLUMN api_secret VARCHAR(255) NULL;
