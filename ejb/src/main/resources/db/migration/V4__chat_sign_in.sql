-- Users who register with the chat itself (embed mode), performers and staff sign in with a password.
-- Stored only as a PBKDF2-HMAC-SHA256 hash in Jakarta Security's format; null for guests and for users
-- who arrive signed in from the host site.
ALTER TABLE chat_user ADD COLUMN password_hash VARCHAR(255);
