-- Issue 17, returns against any sale of the store: the pull carries the store's recent sales (entity store_invoice)
-- for the last store_invoice_days days only, so a change record may say when its event happened.
alter table change_state add column posted_at timestamptz;
insert into server_setting (key, value) values ('store_invoice_days', '30') on conflict (key) do nothing;
