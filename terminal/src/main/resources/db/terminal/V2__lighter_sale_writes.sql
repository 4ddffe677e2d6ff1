-- Two pages every sale wrote for nothing (found with bench sale-commit: a sale's cost is mostly its COMMIT, i.e.
-- the pages it dirties, WAL-written and fsynced).

-- 1. Only returns have return_against: index those alone. Lookups (return_against = ?) still use it, since
--    that condition implies the index's.
DROP INDEX invoice_return_against;
CREATE INDEX invoice_return_against ON invoice (return_against) WHERE return_against IS NOT NULL;

-- 2. event_log ids without AUTOINCREMENT, whose counter row in sqlite_sequence every insert rewrote. AUTOINCREMENT
--    only guards against reusing the id of a deleted last row, and rows are never deleted (trigger below), so the
--    plain rowid already grows by one per entry. Same ids, same order.
CREATE TABLE event_log_new (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    type   TEXT NOT NULL,
    ref    TEXT,
    detail TEXT
);
INSERT INTO event_log_new (id, at, type, ref, detail) SELECT id, at, type, ref, detail FROM event_log ORDER BY id;
DROP TABLE event_log;
ALTER TABLE event_log_new RENAME TO event_log;
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
