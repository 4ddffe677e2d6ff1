-- As stock levels (V5): a push does not write the pull feed for its sales, it marks them here (the sale, or the sale a
-- return is against), and the next pull of a sale-v2 till of that store publishes each marked sale once, under the
-- change-feed lock, before it reads (StoreInvoiceFeed). So a push of sales still takes no global lock.
-- A mark whose sale has left the window is dropped by the next push (posted_at), so a store without sale-v2 tills
-- keeps at most a window's worth of marks.
create table store_invoice_unpublished (
    number    text primary key,
    warehouse text not null,
    posted_at timestamptz not null
);
create index store_invoice_unpublished_warehouse on store_invoice_unpublished (warehouse);
create index store_invoice_unpublished_posted on store_invoice_unpublished (posted_at);
