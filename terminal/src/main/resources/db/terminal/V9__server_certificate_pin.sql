-- The server certificate this till was linked to trust (sha256:HEX over its DER bytes), or null: plain http, or https
-- checked the usual way (a publicly trusted certificate and its name). Set at link, changed only by `terminal trust`.
alter table device add column server_pin text;
