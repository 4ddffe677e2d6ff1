-- Recent sales of this till's store as the pull brings them (entity store_invoice, core ReturnableInvoice as JSON),
-- so a return against another till's sale can be taken while offline. pulled_at: when this copy arrived (till's
-- clock); this till's own returns synced after it are not yet counted in the copy's returned quantities.
create table store_invoice (
    number     text primary key,
    pos_id     text not null,
    posted_at  text not null,
    data_json  text not null,
    pulled_at  text not null
);
create index store_invoice_posted on store_invoice (posted_at);
