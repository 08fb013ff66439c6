-- INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers (unless
-- recursive_triggers is on), so refuse any insert that would collide with an existing event, and
-- any insert that is not the next event of the chain.
CREATE TRIGGER custody_events_refuse_replace BEFORE INSERT ON custody_events
WHEN EXISTS (SELECT 1 FROM custody_events WHERE seq = NEW.seq OR hash = NEW.hash OR prev_hash = NEW.prev_hash)
  OR NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM custody_events)
BEGIN
  SELECT RAISE(ABORT, 'custody events are append-only: only the next event of the chain may be inserted');
END;
