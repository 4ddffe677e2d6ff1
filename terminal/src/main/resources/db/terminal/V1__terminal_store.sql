-- The terminal's own store: one SQLite file per device. Money is integer minor units everywhere.

-- The device's identity and configuration (one row, id = 1), written at link time and by pulls.
CREATE TABLE device (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    pos_id            TEXT NOT NULL,
    server_url        TEXT NOT NULL,
    connection_status TEXT NOT NULL,
    config_json       TEXT NOT NULL,
    printer_target    TEXT,
    linked_at         TEXT NOT NULL
);

-- Sync cursor, last sync and connectivity as last known (one row, id = 1).
CREATE TABLE sync_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    cursor          TEXT NOT NULL DEFAULT '',
    last_sync_at    TEXT,
    last_error      TEXT,
    last_error_at   TEXT,
    online          INTEGER NOT NULL DEFAULT 0,
    online_since    TEXT
);
INSERT INTO sync_state (id) VALUES (1);

-- The logged-in user; survives process restarts until logout.
CREATE TABLE session (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    user_email   TEXT NOT NULL,
    logged_in_at TEXT NOT NULL
);

CREATE TABLE login_attempt (
    email        TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until TEXT
);

-- Counters of numbering series and of the outbox sequence: bumped in the transaction that uses the number.
CREATE TABLE counter (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counter (name, value) VALUES ('outbox_seq', 0), ('invoice', 0), ('customer', 0);

-- Master data as pulled.
CREATE TABLE item (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    active      INTEGER NOT NULL
);
CREATE TABLE item_barcode (
    barcode   TEXT PRIMARY KEY,
    item_code TEXT NOT NULL REFERENCES item (code) ON DELETE CASCADE
);
CREATE INDEX item_barcode_item ON item_barcode (item_code);

-- Stock as the server last reported it; local stock subtracts sales not yet reflected in it.
CREATE TABLE server_stock (
    item_code TEXT PRIMARY KEY,
    warehouse TEXT,
    qty       INTEGER NOT NULL
);

CREATE TABLE customer (
    number     TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    phone      TEXT,
    email      TEXT,
    local      INTEGER NOT NULL DEFAULT 0,
    created_at TEXT
);

CREATE TABLE device_user (
    email             TEXT PRIMARY KEY,
    first_name        TEXT,
    last_name         TEXT,
    pin_hash          TEXT NOT NULL,
    can_configure_pos INTEGER NOT NULL,
    can_export_log    INTEGER NOT NULL,
    can_reprint       INTEGER NOT NULL
);
CREATE TABLE shift_user (
    email      TEXT NOT NULL,
    shift_type TEXT NOT NULL,
    PRIMARY KEY (email, shift_type)
);
CREATE TABLE shift_type (
    name       TEXT PRIMARY KEY,
    start_time TEXT,
    end_time   TEXT
);
CREATE TABLE profile (
    name      TEXT PRIMARY KEY,
    data_json TEXT NOT NULL
);

-- The outbox: every transaction to push, identity decided here (uuid + gap-free seq).
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    ref         TEXT NOT NULL,
    payload     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('Pending', 'Syncing', 'Synced', 'Failed')),
    reason_code TEXT,
    reason      TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    synced_at   TEXT
);
CREATE INDEX outbox_status ON outbox (status, seq);

CREATE TABLE shift (
    uuid                TEXT PRIMARY KEY,
    user_email          TEXT NOT NULL,
    shift_type          TEXT,
    opening_float_minor INTEGER NOT NULL,
    opened_at           TEXT NOT NULL,
    closed_at           TEXT,
    expected_cash_minor INTEGER,
    counted_cash_minor  INTEGER
);
-- At most one open shift per device.
CREATE UNIQUE INDEX shift_one_open ON shift ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE invoice (
    number          TEXT PRIMARY KEY,
    outbox_seq      INTEGER NOT NULL UNIQUE REFERENCES outbox (seq),
    posted_at       TEXT NOT NULL,
    customer_number TEXT,
    cashier         TEXT NOT NULL,
    shift_uuid      TEXT NOT NULL REFERENCES shift (uuid),
    offline         INTEGER NOT NULL,
    return_against  TEXT,
    change_minor    INTEGER NOT NULL,
    net_minor       INTEGER NOT NULL,
    tax_minor       INTEGER NOT NULL,
    grand_minor     INTEGER NOT NULL
);
CREATE INDEX invoice_return_against ON invoice (return_against);

CREATE TABLE invoice_line (
    invoice_number TEXT NOT NULL REFERENCES invoice (number),
    line_no        INTEGER NOT NULL,
    item_code      TEXT NOT NULL,
    item_name      TEXT NOT NULL,
    qty            INTEGER NOT NULL,
    rate_minor     INTEGER NOT NULL,
    tax_rate_bp    INTEGER NOT NULL,
    net_minor      INTEGER NOT NULL,
    tax_minor      INTEGER NOT NULL,
    total_minor    INTEGER NOT NULL,
    -- 1 until a pulled server stock level for the item includes this line.
    stock_pending  INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (invoice_number, line_no)
);
CREATE INDEX invoice_line_stock ON invoice_line (item_code, stock_pending);

CREATE TABLE invoice_payment (
    invoice_number TEXT NOT NULL REFERENCES invoice (number),
    idx            INTEGER NOT NULL,
    mode           TEXT NOT NULL,
    amount_minor   INTEGER NOT NULL,
    reference      TEXT,
    PRIMARY KEY (invoice_number, idx)
);

CREATE TABLE export_log (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    seq_from    INTEGER NOT NULL,
    seq_to      INTEGER NOT NULL,
    row_count   INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    uploaded_at TEXT
);

-- Append-only event log: what happened on this terminal, when.
CREATE TABLE event_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    type   TEXT NOT NULL,
    ref    TEXT,
    detail TEXT
);
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
