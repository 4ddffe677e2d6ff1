-- Issue 17, returns against any sale of the store: the pull carries the store's recent sales (entity store_invoice)
-- for the last store_invoice_days days only, so a change record may say when its event happened.
alter table change_state add column posted_at timestamptz;
insert into server_setting (key, value) values ('store_invoice_days', '30') on conflict (key) do nothing;
-- As stock levels (V5): a push does not write the pull feed for its sales, it marks them here (the sale, or the sale a
-- return is against), and the next pull of a sale-v2 till of that store publishes each marked sale once, under the
-- change-feed lock, before it reads (StoreInvoiceFeed). So a push of sales still takes no global lock.
create table store_invoice_unpublished (
    number    text primary key,
    warehouse text not null
);
create index store_invoice_unpublished_warehouse on store_invoice_unpublished (warehouse);
