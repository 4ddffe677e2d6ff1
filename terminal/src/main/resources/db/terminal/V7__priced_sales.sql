-- Priced sales (issue 17, docs/pricing.md): every figure SaleMath computes is stored with the line and the invoice, so
-- history and reconciliation read them back as sold. Rows stored before this migration read as whole units × 1000,
-- gross = net, no discount and no rounding: their totals are unchanged to the cent.
alter table invoice_line add column qty_milli integer;
alter table invoice_line add column unit text not null default 'unit';
alter table invoice_line add column gross_minor integer;
alter table invoice_line add column discount_json text;
alter table invoice_line add column line_discount_minor integer not null default 0;
alter table invoice_line add column sale_discount_minor integer not null default 0;
update invoice_line set qty_milli = qty * 1000, gross_minor = net_minor;

alter table invoice add column prices_include_tax integer not null default 0;
alter table invoice add column sale_discount_json text;
alter table invoice add column discount_minor integer not null default 0;
alter table invoice add column rounding_minor integer not null default 0;

-- Prices of the items in the price lists other than the profile's (a customer's list); the profile's stay in item.
create table item_price (
    price_list         text not null,
    item_code          text not null,
    price_minor        integer not null,
    prices_include_tax integer not null default 0,
    primary key (price_list, item_code)
);

-- Open carts put aside (park), as entered: resumed (and deleted) in one transaction; they survive restarts.
-- AUTOINCREMENT: an id is never given to another cart after the first was resumed.
create table parked_sale (
    id              integer primary key autoincrement,
    label           text,
    parked_by       text not null,
    parked_at       text not null,
    customer_number text,
    sale_discount_json text,
    items_json      text not null
);

-- The list a customer buys at (null = the profile's), from the pull (CustomerData.priceList).
alter table customer add column price_list text;
