-- The custody ledger is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER custody_events_refuse_update BEFORE UPDATE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody events are append-only: UPDATE refused');
END;
--> statement-breakpoint
CREATE TRIGGER custody_events_refuse_delete BEFORE DELETE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody events are append-only: DELETE refused');
END;
--> statement-breakpoint
-- Substring search on asset tag, serial, manufacturer and model without a table scan: an FTS5
-- index with the trigram tokenizer (queries of three characters or more), kept in step by triggers.
CREATE VIRTUAL TABLE devices_search USING fts5(asset_tag, serial, manufacturer, model, content='devices', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER devices_search_insert AFTER INSERT ON devices
BEGIN
  INSERT INTO devices_search(rowid, asset_tag, serial, manufacturer, model) VALUES (new.id, new.asset_tag, new.serial, new.manufacturer, new.model);
END;
--> statement-breakpoint
CREATE TRIGGER devices_search_delete AFTER DELETE ON devices
BEGIN
  INSERT INTO devices_search(devices_search, rowid, asset_tag, serial, manufacturer, model) VALUES ('delete', old.id, old.asset_tag, old.serial, old.manufacturer, old.model);
END;
--> statement-breakpoint
CREATE TRIGGER devices_search_update AFTER UPDATE OF asset_tag, serial, manufacturer, model ON devices
BEGIN
  INSERT INTO devices_search(devices_search, rowid, asset_tag, serial, manufacturer, model) VALUES ('delete', old.id, old.asset_tag, old.serial, old.manufacturer, old.model);
  INSERT INTO devices_search(rowid, asset_tag, serial, manufacturer, model) VALUES (new.id, new.asset_tag, new.serial, new.manufacturer, new.model);
END;
