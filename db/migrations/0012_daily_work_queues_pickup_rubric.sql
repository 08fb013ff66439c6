ALTER TABLE `device_requests` ADD `rubric_answers` text;--> statement-breakpoint
ALTER TABLE `device_requests` ADD `rubric_priority` integer;--> statement-breakpoint
ALTER TABLE `device_requests` ADD `priority_reason` text;--> statement-breakpoint
ALTER TABLE `matches` ADD `manual` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `matches` ADD `manual_reason` text;--> statement-breakpoint
ALTER TABLE `matches` ADD `ready_at` integer;--> statement-breakpoint
ALTER TABLE `matches` ADD `ready_by_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `matches` ADD `pickup_location` text;--> statement-breakpoint
ALTER TABLE `matches` ADD `pickup_from` integer;--> statement-breakpoint
ALTER TABLE `matches` ADD `pickup_until` integer;--> statement-breakpoint
ALTER TABLE `matches` ADD `pickup_code` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `address` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `opening_hours` text;--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_by_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `last_sign_in_at` integer;--> statement-breakpoint
ALTER TABLE `wipe_records` ADD `log_excerpt` text;