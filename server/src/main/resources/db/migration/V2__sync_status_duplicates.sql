-- How often a device resent a transaction the server already had (answered "duplicate"), for the back office.
alter table pos_offline_sync_status
    add column duplicate_count   integer not null default 0,
    add column last_duplicate_at timestamptz;
