-- The till's receipt paper, as columns of font A: 32 (58 mm), 42 (80 mm, the default) or 48 (80 mm printers that do 48).
-- Its own one-row table (not a device column) so printer transport settings can change the device row independently.
CREATE TABLE receipt_setting (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    columns INTEGER NOT NULL DEFAULT 42 CHECK (columns IN (32, 42, 48))
);
INSERT INTO receipt_setting (id) VALUES (1);
