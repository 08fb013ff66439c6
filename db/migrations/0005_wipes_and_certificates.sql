CREATE TABLE `wipe_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`device_id` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by_id` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wipe_certificates_number_unique` ON `wipe_certificates` (`number`);--> statement-breakpoint
CREATE INDEX `wipe_certificates_device_idx` ON `wipe_certificates` (`device_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `wipe_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`medium_id` integer NOT NULL,
	`method` text NOT NULL,
	`technique` text NOT NULL,
	`rounds` integer,
	`tool` text NOT NULL,
	`tool_version` text NOT NULL,
	`verification` text NOT NULL,
	`sample_percent` integer,
	`result` text NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`notes` text,
	`source` text DEFAULT 'manual' NOT NULL,
	`performed_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`validated_by_id` text,
	`validated_at` integer,
	`certificate_id` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medium_id`) REFERENCES `storage_media`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`performed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `wipe_certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wipe_records_device_idx` ON `wipe_records` (`device_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `wipe_records_medium_idx` ON `wipe_records` (`medium_id`);