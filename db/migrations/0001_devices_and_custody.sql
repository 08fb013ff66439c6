CREATE TABLE `custody_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`device_id` integer NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`from_holder` text,
	`to_holder` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` integer NOT NULL,
	`details` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `custody_events_device_idx` ON `custody_events` (`device_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `custody_events_prev_hash_unique` ON `custody_events` (`prev_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `custody_events_hash_unique` ON `custody_events` (`hash`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`asset_tag` text NOT NULL,
	`serial` text NOT NULL,
	`manufacturer` text NOT NULL,
	`model` text NOT NULL,
	`type` text NOT NULL,
	`cpu` text,
	`ram_gb` integer,
	`storage_gb` integer,
	`screen_inches` real,
	`keyboard_layout` text,
	`battery_health_percent` integer,
	`condition_grade` text,
	`condition_notes` text,
	`purchase_date` text,
	`purchase_price_cents` integer,
	`weight_kg` real,
	`department_id` integer NOT NULL,
	`status` text NOT NULL,
	`holder_kind` text NOT NULL,
	`holder_organization_id` integer,
	`holder_user_id` text,
	`holder_name` text,
	`registered_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_public_id_unique` ON `devices` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_asset_tag_unique` ON `devices` (`asset_tag`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_serial_unique` ON `devices` (`serial`);--> statement-breakpoint
CREATE INDEX `devices_status_idx` ON `devices` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `devices_type_idx` ON `devices` (`type`,`id`);--> statement-breakpoint
CREATE INDEX `devices_department_idx` ON `devices` (`department_id`,`id`);--> statement-breakpoint
CREATE INDEX `devices_department_status_idx` ON `devices` (`department_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `devices_model_idx` ON `devices` (`model`);--> statement-breakpoint
CREATE INDEX `devices_updated_idx` ON `devices` (`updated_at`);--> statement-breakpoint
CREATE INDEX `devices_holder_organization_idx` ON `devices` (`holder_organization_id`);--> statement-breakpoint
CREATE TABLE `storage_media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`serial` text NOT NULL,
	`kind` text NOT NULL,
	`capacity_gb` integer NOT NULL,
	`manufacturer` text,
	`model` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `storage_media_device_idx` ON `storage_media` (`device_id`);--> statement-breakpoint
CREATE INDEX `storage_media_serial_idx` ON `storage_media` (`serial`);