-- The device's clock minus the server's (milliseconds; positive: the till is ahead), as the till last measured it
-- from the server's Date header and sent it with a push (X-Clock-Offset-Ms), and when the server received it.
-- Shown on the device record (API and console), so a till with a wrong clock is seen before its sales are misdated.
alter table pos_offline add column clock_offset_ms bigint, add column clock_offset_at timestamptz;
