CREATE TABLE `device_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`file_name` text NOT NULL,
	`csv_text` text NOT NULL,
	`choices` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'preview' NOT NULL,
	`result` text,
	`committed_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_imports_department_idx` ON `device_imports` (`department_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `import_column_mappings` (
	`headers_key` text PRIMARY KEY NOT NULL,
	`columns` text NOT NULL,
	`updated_by_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `devices` ADD `notes` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `carbon_kg_co2e` real;--> statement-breakpoint
ALTER TABLE `devices` ADD `carbon_source` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `carbon_reference` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `carbon_reference_url` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `carbon_reference_weight_kg` real;--> statement-breakpoint
CREATE INDEX `custody_events_type_at_idx` ON `custody_events` (`type`,`at`,`device_id`);