CREATE TABLE `device_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`requester_id` text NOT NULL,
	`requester_kind` text NOT NULL,
	`type` text NOT NULL,
	`quantity` integer NOT NULL,
	`min_ram_gb` integer DEFAULT 0 NOT NULL,
	`min_storage_gb` integer DEFAULT 0 NOT NULL,
	`min_screen_inches` real,
	`keyboard_layout` text DEFAULT 'any' NOT NULL,
	`purpose` text NOT NULL,
	`beneficiaries` integer NOT NULL,
	`needed_by` text NOT NULL,
	`status` text NOT NULL,
	`priority` integer,
	`rejection_reason` text,
	`reviewed_by_id` text,
	`reviewed_at` integer,
	`fulfilled` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_requests_status_idx` ON `device_requests` (`status`);--> statement-breakpoint
CREATE INDEX `device_requests_organization_idx` ON `device_requests` (`organization_id`);--> statement-breakpoint
CREATE INDEX `device_requests_requester_idx` ON `device_requests` (`requester_id`);--> statement-breakpoint
CREATE TABLE `handover_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`match_id` integer,
	`signed_by_name` text NOT NULL,
	`signed_by_user_id` text,
	`signed_at` integer NOT NULL,
	`recorded_by_id` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`score` real NOT NULL,
	`explanation` text NOT NULL,
	`status` text NOT NULL,
	`confirmed_by_id` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `device_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `matches_device_idx` ON `matches` (`device_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_request_idx` ON `matches` (`request_id`,`status`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`values` text DEFAULT '{}' NOT NULL,
	`link` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);