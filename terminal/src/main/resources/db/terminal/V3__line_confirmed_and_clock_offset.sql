-- When the server last answered this till (a probe, a push, a pull, a link), in epoch milliseconds: a sale counts as
-- online only if that is recent (TerminalOptions.onlineWindow), so a sale made after the line dropped but before
-- anything noticed is not recorded as online (issue 15, point 11).
alter table sync_state add column line_confirmed_ms integer;

-- The till's clock minus the server's (milliseconds; positive: the till is ahead), measured from the Date header of
-- the server's last answer, and when; shown by `terminal status` and sent with each push (X-Clock-Offset-Ms).
alter table sync_state add column clock_offset_ms integer;
alter table sync_state add column clock_offset_at text;
