-- The shop's own master data (issue 16): categories, tax categories, price lists with a price per item, warehouses,
-- payment modes, profile settings, customers with tax numbers and price lists, cashiers as staff with a PIN, the
-- shop's time zone, stock in thousandths of the item's unit, and an audit of every master-data change.
-- Lookup tables are keyed by their name (what a manager types and a CSV carries); references to them are the name,
-- with "on update cascade" so a rename moves every reference in the same transaction.
-- Every editable record has a version (optimistic locking: an update names the version it read, a stale one is
-- refused) and an active flag (records that were used are disabled, never deleted).

create table category (
    name     text primary key check (length(trim(name)) between 1 and 120),
    parent   text references category (name) on update cascade,
    position integer not null default 0,
    active   boolean not null default true,
    version  integer not null default 1,
    check (parent is null or parent <> name)
);

create table tax_category (
    name    text primary key check (length(trim(name)) between 1 and 120),
    rate_bp integer not null check (rate_bp between 0 and 10000),
    active  boolean not null default true,
    version integer not null default 1
);

create table price_list (
    name               text primary key check (length(trim(name)) between 1 and 120),
    currency           text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    currency_digits    integer not null default 2 check (currency_digits between 0 and 3),
    prices_include_tax boolean not null default false,
    active             boolean not null default true,
    version            integer not null default 1
);

create table warehouse (
    name    text primary key check (length(trim(name)) between 1 and 120),
    active  boolean not null default true,
    version integer not null default 1
);

create table payment_mode (
    name               text primary key check (length(trim(name)) between 1 and 60),
    type               text not null check (type in ('cash', 'card', 'other')),
    opens_drawer       boolean not null default false,
    requires_reference boolean not null default false,
    active             boolean not null default true,
    version            integer not null default 1
);

-- Existing data: every warehouse, price list and tax rate in use becomes a record of its own.
insert into warehouse (name) select warehouse from pos_profile union select warehouse from stock on conflict do nothing;
insert into price_list (name) select price_list from pos_profile on conflict do nothing;
insert into price_list (name) select 'Standard Selling' where not exists (select 1 from price_list);
insert into tax_category (name, rate_bp)
select distinct case when tax_rate_bp = 0 then 'Zero rated' else 'Tax ' || trim(to_char(tax_rate_bp / 100.0, 'FM990.99'), '.') || '%' end,
       tax_rate_bp
from item on conflict do nothing;

-- Items: a category, a unit of measure, a tax category; prices move to item_price (one per item and list).
alter table item add column category     text references category (name) on update cascade;
alter table item add column unit         text not null default 'unit' check (unit in ('unit', 'kg', 'g', 'l', 'm'));
alter table item add column tax_category text references tax_category (name) on update cascade;
alter table item add column version      integer not null default 1;
alter table item add column updated_at   timestamptz not null default now();
update item set tax_category = case when tax_rate_bp = 0 then 'Zero rated' else 'Tax ' || trim(to_char(tax_rate_bp / 100.0, 'FM990.99'), '.') || '%' end;
alter table item alter column tax_category set not null;
create index item_category on item (category);
create index item_name_lower on item (lower(name) text_pattern_ops);

create table item_price (
    price_list  text not null references price_list (name) on update cascade,
    item_code   text not null references item (code),
    price_minor bigint not null check (price_minor >= 0),
    primary key (price_list, item_code)
);
create index item_price_item on item_price (item_code);
insert into item_price (price_list, item_code, price_minor) select p.name, i.code, i.price_minor from price_list p cross join item i;
alter table item drop column price_minor;
alter table item drop column tax_rate_bp;

-- Profiles: references by name, payment modes as records, every setting a till needs.
insert into payment_mode (name, type, opens_drawer)
select distinct m, case when lower(m) = 'cash' then 'cash' when lower(m) = 'card' then 'card' else 'other' end, lower(m) = 'cash'
from pos_profile, json_array_elements_text(payment_modes::json) as m on conflict do nothing;
create table pos_profile_payment_mode (
    profile_id   bigint not null references pos_profile (id) on delete cascade,
    payment_mode text not null references payment_mode (name) on update cascade,
    position     integer not null,
    primary key (profile_id, payment_mode)
);
insert into pos_profile_payment_mode (profile_id, payment_mode, position)
select p.id, m.value, m.ordinality from pos_profile p, json_array_elements_text(p.payment_modes::json) with ordinality as m (value, ordinality);
alter table pos_profile drop column payment_modes;
alter table pos_profile add constraint pos_profile_warehouse foreign key (warehouse) references warehouse (name) on update cascade;
alter table pos_profile add constraint pos_profile_price_list foreign key (price_list) references price_list (name) on update cascade;
alter table pos_profile add column seller_name          text;
alter table pos_profile add column seller_tax_number    text;
alter table pos_profile add column cash_rounding_minor  bigint not null default 0 check (cash_rounding_minor >= 0);
alter table pos_profile add column max_discount_bp      integer not null default 0 check (max_discount_bp between 0 and 10000);
alter table pos_profile add column pull_interval_s      integer not null default 60 check (pull_interval_s between 5 and 3600);
alter table pos_profile add column scale_prefix         text check (scale_prefix ~ '^2[0-9]$');
alter table pos_profile add column scale_item_digits    integer check (scale_item_digits between 1 and 8);
alter table pos_profile add column scale_value_digits   integer check (scale_value_digits between 1 and 8);
alter table pos_profile add column scale_value_decimals integer check (scale_value_decimals between 0 and 3);
alter table pos_profile add column scale_kind           text check (scale_kind in ('weight', 'price'));
alter table pos_profile add column active               boolean not null default true;
alter table pos_profile add constraint pos_profile_scale_layout check (
    (scale_prefix is null and scale_item_digits is null and scale_value_digits is null and scale_value_decimals is null and scale_kind is null)
    or (scale_prefix is not null and scale_item_digits is not null and scale_value_digits is not null
        and scale_value_decimals is not null and scale_kind is not null and 2 + scale_item_digits + scale_value_digits = 12));

-- Customers and shift types: what a manager edits.
alter table customer add column tax_number text;
alter table customer add column price_list text references price_list (name) on update cascade;
alter table customer add column active     boolean not null default true;
alter table customer add column version    integer not null default 1;
create index customer_name_lower on customer (lower(name) text_pattern_ops);
alter table shift_type add column active  boolean not null default true;
alter table shift_type add column version integer not null default 1;

-- Staff: a cashier is a person with a name and a PIN; an email and a console password are optional (only the
-- three console roles sign in to the console). login is what a till's user list and `terminal login --user` carry:
-- the email when there is one, else a name-based handle the server makes unique.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in ('Cashier', 'Accounts User', 'Accounts Manager', 'System Manager'));
alter table app_user alter column email drop not null;
alter table app_user alter column password_hash drop not null;
alter table app_user add column login   text;
update app_user set login = email;
alter table app_user alter column login set not null;
alter table app_user add constraint app_user_login_unique unique (login);
alter table app_user add column active  boolean not null default true;
alter table app_user add column version integer not null default 1;
alter table app_user add constraint app_user_console_needs_password check (role = 'Cashier' or (email is not null and password_hash is not null));

-- Stock in thousandths of the item's unit (invariant 8), with who and why for every movement.
alter table stock rename column qty to qty_milli;
update stock set qty_milli = qty_milli * 1000;
alter table stock add constraint stock_warehouse foreign key (warehouse) references warehouse (name) on update cascade;
alter table stock_ledger rename column qty_change to qty_milli;
update stock_ledger set qty_milli = qty_milli * 1000;
alter table stock_ledger add column reason        text;
alter table stock_ledger add column created_by    text;
alter table stock_ledger add column expected_milli bigint;  -- stocktake: the level before the count
alter table stock_ledger add column counted_milli  bigint;  -- stocktake: the level counted
create index stock_ledger_item on stock_ledger (item_code, id);

-- Server settings (the shop's time zone: every day boundary in reports and the API's day filters; the wire stays UTC).
create table server_setting (
    key   text primary key,
    value text not null
);
insert into server_setting (key, value) values ('time_zone', 'UTC');

-- Audit: who changed what master record when, with its state before and after (null before = created).
create table audit_log (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    entity   text not null,
    key      text not null,
    action   text not null,
    old_data jsonb,
    new_data jsonb
);
create index audit_log_record on audit_log (entity, key, id);

-- The pull feed in its new shape: an item record per price list that prices it (scope = the list), replacing the
-- single record per item; each profile record gains its payment mode details and money settings (its key unchanged,
-- so no till restarts from a full snapshot and no push is flagged for a stale profile). New sequence numbers, so
-- every till receives the new records on its next pull.
select pg_advisory_xact_lock(1896963150);  -- ChangeFeed.CHANGE_LOCK_KEY (0x71115C4E)
delete from change_state where entity = 'item' and scope = '';
insert into change_state (entity, scope, key, seq, deleted, data)
select 'item', p.price_list, i.code, nextval('change_seq'), false, json_build_object(
           'code', i.code, 'name', i.name,
           'barcodes', coalesce((select json_agg(b.barcode order by b.barcode) from item_barcode b where b.item_code = i.code), '[]'::json),
           'priceMinor', p.price_minor, 'taxRateBp', t.rate_bp, 'active', i.active, 'unit', i.unit,
           'category', i.category, 'taxCategory', i.tax_category, 'priceList', p.price_list,
           'pricesIncludeTax', l.prices_include_tax)::text
from item i join item_price p on p.item_code = i.code join price_list l on l.name = p.price_list
join tax_category t on t.name = i.tax_category
order by i.code, p.price_list;
update change_state c set seq = nextval('change_seq'), data = (c.data::jsonb || jsonb_build_object(
           'modes', coalesce((select jsonb_agg(jsonb_build_object('name', m.name, 'type', m.type, 'opensDrawer', m.opens_drawer,
                                   'requiresReference', m.requires_reference) order by pm.position)
                              from pos_profile_payment_mode pm join payment_mode m on m.name = pm.payment_mode where pm.profile_id = p.id), '[]'::jsonb),
           'currency', l.currency, 'currencyDigits', l.currency_digits, 'cashRoundingMinor', p.cash_rounding_minor,
           'maxDiscountBp', p.max_discount_bp, 'pullIntervalSeconds', p.pull_interval_s, 'pricesIncludeTax', l.prices_include_tax))::text
from pos_profile p join price_list l on l.name = p.price_list
where c.entity = 'profile' and c.scope = p.name and c.key = p.name and not c.deleted;
