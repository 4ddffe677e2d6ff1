-- Sales and reports across all tills (issue 16) read invoices by posted time store-wide, and an invoice's page lists the
-- returns made against it. The existing index is per device (device_id, posted_at); these serve the store-wide range
-- and the lookup of returns (only returns carry return_against, so that index stays small).
create index sales_invoice_posted on sales_invoice (posted_at);
create index sales_invoice_return_against on sales_invoice (return_against) where return_against is not null;
