DROP INDEX `devices_status_idx`;--> statement-breakpoint
DROP INDEX `devices_type_idx`;--> statement-breakpoint
DROP INDEX `devices_department_idx`;--> statement-breakpoint
DROP INDEX `devices_department_status_idx`;--> statement-breakpoint
DROP INDEX `devices_updated_idx`;--> statement-breakpoint
CREATE INDEX `devices_status_updated_idx` ON `devices` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_type_updated_idx` ON `devices` (`type`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_department_updated_idx` ON `devices` (`department_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_department_status_updated_idx` ON `devices` (`department_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_updated_idx` ON `devices` (`updated_at`,`id`);