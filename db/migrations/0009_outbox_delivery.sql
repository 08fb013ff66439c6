ALTER TABLE `outbox_emails` ADD `html` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `language` text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `next_attempt_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `server_response` text;--> statement-breakpoint
CREATE INDEX `outbox_emails_due` ON `outbox_emails` (`status`,`next_attempt_at`);--> statement-breakpoint
-- Rows from before delivery existed: one marked sent stays sent; one younger than a week (an invite is
-- valid that long) is still worth sending and waits as pending; an older one is likely stale, so it is
-- failed with the reason, and a coordinator can resend it from the outbox page.
UPDATE `outbox_emails` SET `status` = 'sent' WHERE `sent_at` IS NOT NULL;--> statement-breakpoint
UPDATE `outbox_emails` SET `status` = 'failed', `last_error` = 'Queued before e-mail delivery existed and older than a week: not sent automatically.'
WHERE `sent_at` IS NULL AND `created_at` < (unixepoch('subsec') * 1000) - 7 * 86400000;--> statement-breakpoint
UPDATE `outbox_emails` SET `next_attempt_at` = `created_at` WHERE `status` = 'pending';--> statement-breakpoint
-- Mail to an account goes in that person's language; invites keep the default.
UPDATE `outbox_emails` SET `language` = (SELECT `locale` FROM `users` WHERE `users`.`email` = `outbox_emails`.`to_address`)
WHERE EXISTS (SELECT 1 FROM `users` WHERE `users`.`email` = `outbox_emails`.`to_address` AND `users`.`locale` IN ('nl', 'en'));
