-- SQLite adds a NOT NULL column only with a constant default: 0 (already expired), so a token written
-- without an expiry never works. Tokens made before expiry existed keep 90 days from their creation.
ALTER TABLE `api_tokens` ADD `expires_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `api_tokens` SET `expires_at` = `created_at` + 90 * 86400000;
