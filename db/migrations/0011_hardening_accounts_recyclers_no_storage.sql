-- Accounts wait for their address to be confirmed (activated_at); everyone who could sign in before this
-- migration already could, so they count as activated from their creation.
CREATE TABLE `email_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_confirmations_token_hash_unique` ON `email_confirmations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `email_confirmations_user_idx` ON `email_confirmations` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_device_throttles` (
	`nonce_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`recent_failures` text DEFAULT '[]' NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `storage_absence_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`notes` text,
	`recorded_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`validated_by_id` text,
	`validated_at` integer,
	`certificate_id` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `wipe_certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `storage_absence_records_device_idx` ON `storage_absence_records` (`device_id`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `accreditation_number` text;--> statement-breakpoint
ALTER TABLE `users` ADD `activated_at` integer;--> statement-breakpoint
UPDATE `users` SET `activated_at` = `created_at`;
