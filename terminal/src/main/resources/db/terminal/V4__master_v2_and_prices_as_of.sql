-- Master data in its second form (issue 16): what the till needs of an item to sell it right. A measured unit
-- (kg, g, l, m) or a price that includes tax is refused at the till until weighed and tax-inclusive sales arrive
-- (issue 17), rather than sold at a wrong price.
alter table item add column unit text not null default 'unit';
alter table item add column category text;
alter table item add column tax_category text;
alter table item add column price_list text;
alter table item add column prices_include_tax integer not null default 0;

-- Item categories as pulled (entity category); parent is null at the top of the tree.
create table category (
    name     text primary key,
    parent   text,
    position integer not null default 0,
    active   integer not null default 1
);

-- The server's stock in thousandths of the item's unit (qty stays the whole-unit figure local stock uses).
alter table server_stock add column qty_milli integer;

-- "Prices as of": when the till last applied a pull page, or last pulled and found nothing new (till's clock).
alter table sync_state add column prices_as_of text;
