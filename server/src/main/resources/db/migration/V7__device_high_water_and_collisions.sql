-- A till restored from an older copy of its data folder counts on from numbers the server already holds (issue 15).

-- 1. The highest sequence and invoice counter the server holds for each device: raised by every ingest batch in its
--    own transaction (one statement per batch, not per row) and read by push and pull answers (one key lookup), so a
--    restored till learns where to count on from.
create table pos_offline_high_water (
    device_id       bigint primary key references pos_offline (id),
    seq             bigint not null default 0,
    invoice_counter bigint not null default 0
);
insert into pos_offline_high_water (device_id, seq, invoice_counter)
select s.device_id, max(s.seq),
       coalesce(max(case when s.kind = 'invoice' and left(s.number, length(d.invoice_series)) = d.invoice_series
                              and substr(s.number, length(d.invoice_series) + 1) ~ '^[0-9]{1,18}$'
                         then substr(s.number, length(d.invoice_series) + 1)::bigint end), 0)
from pos_offline_sync_status s join pos_offline d on d.id = s.device_id
group by s.device_id;

-- 2. Rows refused because their sequence number (or UUID) was already taken by another row: never claimed in
--    pos_offline_sync_status (its unique keys are what they collided with), so kept here, with the version received,
--    next to the row the server already had, for review. A till that learns its high-water marks sends such a row
--    again under a new sequence with the same UUID: the reports find where it went by that UUID.
create table pos_offline_collision (
    id              bigserial primary key,
    device_id       bigint not null references pos_offline (id),
    uuid            text not null,
    seq             bigint not null,
    kind            text not null,
    number          text,
    payload         text not null,   -- the version received, as JSON
    existing_uuid   text,            -- the row the server already held under this sequence (or this UUID)
    existing_number text,
    code            text not null,   -- seq_conflict | uuid_conflict
    reason          text not null,
    received_at     timestamptz not null default now(),
    times           integer not null default 1,
    reviewed_by     text,
    reviewed_at     timestamptz,
    unique (uuid, seq)
);
create index pos_offline_collision_device on pos_offline_collision (device_id, seq);

-- 3. A renumbered invoice's sync-status record names the number printed on the customer's receipt.
alter table pos_offline_sync_status add column printed_number text;
