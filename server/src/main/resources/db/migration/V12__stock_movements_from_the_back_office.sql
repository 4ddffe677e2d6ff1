-- Stock movements made in the back office (issue 16): receipts, adjustments, stocktakes and transfers.
-- A movement's ledger rows share one voucher number drawn from stock_voucher_seq; a receipt may name its supplier
-- and the supplier's reference (delivery note, invoice number). A client may name its movement with an id (the
-- Idempotency-Key header or the body's movementId): the first request with that id applies it and keeps the answer,
-- a retry gets the same answer and changes nothing (a POST retried after a lost answer).
-- warehouse already has version and active since V8.
create sequence stock_voucher_seq;
alter table stock_ledger add column reference text;
alter table stock_ledger add column supplier  text;
create index stock_ledger_voucher on stock_ledger (voucher_no);
-- The movements list reads the newest rows of a warehouse (and of a day range) first.
create index stock_ledger_warehouse on stock_ledger (warehouse, id);

create table stock_movement_request (
    id           text primary key check (length(id) between 1 and 100),
    request_hash text not null,
    voucher_no   text,
    answer       text,            -- the movement's JSON answer, returned to a retry
    created_by   text not null,
    created_at   timestamptz not null default now()
);
