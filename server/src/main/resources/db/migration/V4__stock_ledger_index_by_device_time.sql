-- The stock ledger's index follows the question asked of it: the reconciliation sums a device's postings over a
-- period (device_id, posted_at). The index on sync_uuid served no query, and as random text it put each of a
-- batch's ~500 postings on a different leaf page; postings of one device arrive in time order, so this index grows
-- at its right edge instead.
drop index stock_ledger_uuid;
create index stock_ledger_device_posted on stock_ledger (device_id, posted_at);
