-- tillsync back office schema. Money is bigint minor units everywhere.

create table app_user (
    id            bigserial primary key,
    email         text not null unique,
    password_hash text not null,
    role          text not null check (role in ('Accounts User', 'Accounts Manager', 'System Manager')),
    first_name    text,
    last_name     text,
    pin_hash      text,
    created_at    timestamptz not null default now()
);

-- Only sha256 of a token is kept: a database dump cannot be replayed as a login.
create table auth_token (
    token_hash text primary key,
    user_id    bigint not null references app_user (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);

create table pos_profile (
    id             bigserial primary key,
    name           text not null unique,
    warehouse      text not null,
    price_list     text not null,
    payment_modes  text not null,  -- JSON array of mode names
    tax_template   text,
    receipt_header text,
    receipt_footer text,
    version        integer not null default 1
);

create table item (
    code        text primary key,
    name        text not null,
    price_minor bigint not null check (price_minor >= 0),
    tax_rate_bp integer not null check (tax_rate_bp between 0 and 10000),
    active      boolean not null default true
);

create table item_barcode (
    barcode   text primary key,
    item_code text not null references item (code) on delete cascade
);
create index item_barcode_item on item_barcode (item_code);

create table stock (
    warehouse text not null,
    item_code text not null references item (code),
    qty       bigint not null,
    primary key (warehouse, item_code)
);

create table stock_ledger (
    id           bigserial primary key,
    warehouse    text not null,
    item_code    text not null,
    qty_change   bigint not null,
    voucher_type text not null,
    voucher_no   text,
    device_id    bigint,
    sync_uuid    text,
    posted_at    timestamptz not null,
    created_at   timestamptz not null default now()
);
create index stock_ledger_uuid on stock_ledger (sync_uuid);

create table customer (
    number            text primary key,
    name              text not null,
    phone             text,
    email             text,
    created_by_device bigint,
    created_at        timestamptz not null default now()
);
create index customer_phone on customer (phone);

create table shift_type (
    name       text primary key,
    start_time text not null,
    end_time   text not null
);

create table pos_offline (
    id                    bigserial primary key,
    pos_id                text not null unique,
    invoice_series        text not null unique,
    customer_series       text not null unique,
    pos_profile_id        bigint not null references pos_profile (id),
    sync_rows_per_request integer not null default 500 check (sync_rows_per_request between 1 and 5000),
    connection_status     text not null default 'Unlinked'
        check (connection_status in ('Linked', 'Unlink in progress', 'Unlinked')),
    last_sync             timestamptz,
    description           text,
    profile_plk           text not null,
    secret_hash           text,
    device_label          text,
    created_at            timestamptz not null default now()
);

-- Every signing key a device ever had, so an export written before a re-link still verifies.
create table device_signing_key (
    id          bigserial primary key,
    device_id   bigint not null references pos_offline (id) on delete cascade,
    signing_key text not null,
    created_at  timestamptz not null default now()
);

create table pos_offline_user (
    device_id         bigint not null references pos_offline (id) on delete cascade,
    user_id           bigint not null references app_user (id) on delete cascade,
    first_name        text,
    last_name         text,
    can_configure_pos boolean not null default false,
    can_export_log    boolean not null default false,
    can_reprint       boolean not null default false,
    primary key (device_id, user_id)
);

create table pos_offline_shift_user (
    device_id  bigint not null references pos_offline (id) on delete cascade,
    user_id    bigint not null references app_user (id) on delete cascade,
    shift_type text not null references shift_type (name),
    primary key (device_id, user_id, shift_type)
);

create table link_code (
    code_hash  text primary key,
    device_id  bigint not null references pos_offline (id) on delete cascade,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);

-- "POS Offline Sync Status": one row per pushed/imported row; its unique keys make ingest exactly-once.
create table pos_offline_sync_status (
    id             bigserial primary key,
    device_id      bigint not null references pos_offline (id),
    uuid           text not null unique,
    seq            bigint not null,
    kind           text not null,
    number         text,
    payload_hash   text not null,
    outcome        text not null check (outcome in ('pending', 'accepted', 'rejected')),
    code           text,
    reason         text,
    review         boolean not null default false,
    review_reasons text,            -- JSON array of sentences
    via            text not null,   -- push | import
    received_at    timestamptz not null default now(),
    reviewed_by    text,
    reviewed_at    timestamptz,
    unique (device_id, seq)
);

create table sales_invoice (
    id                bigserial primary key,
    number            text not null unique,
    device_id         bigint not null references pos_offline (id),
    sync_uuid         text not null unique,
    posted_at         timestamptz not null,
    customer_number   text,
    cashier           text,
    shift_uuid        text,
    offline           boolean not null,
    return_against    text,
    profile_key       text,
    change_minor      bigint not null,
    net_total_minor   bigint not null,
    tax_total_minor   bigint not null,
    grand_total_minor bigint not null,
    created_at        timestamptz not null default now()
);
create index sales_invoice_device_posted on sales_invoice (device_id, posted_at);

create table sales_invoice_line (
    invoice_id  bigint not null references sales_invoice (id) on delete cascade,
    line_no     integer not null,
    item_code   text not null,
    item_name   text,
    qty         bigint not null,
    rate_minor  bigint not null,
    tax_rate_bp integer not null,
    net_minor   bigint not null,
    tax_minor   bigint not null,
    total_minor bigint not null,
    primary key (invoice_id, line_no)
);

create table sales_invoice_payment (
    invoice_id   bigint not null references sales_invoice (id) on delete cascade,
    line_no      integer not null,
    mode         text not null,
    amount_minor bigint not null,
    reference    text,
    primary key (invoice_id, line_no)
);

create table pos_shift (
    shift_uuid          text primary key,
    device_id           bigint not null references pos_offline (id),
    user_email          text,
    shift_type          text,
    opening_float_minor bigint,
    opened_at           timestamptz,
    closed_at           timestamptz,
    closed_by           text,
    expected_cash_minor bigint,
    counted_cash_minor  bigint,
    totals_by_mode      text,   -- JSON object mode -> minor units
    sales_count         bigint
);

-- The pull feed: the latest state of every master record, each with the change sequence of its last write.
-- Every writer takes the global change lock (pg_advisory_xact_lock) before nextval, so sequence order is
-- commit order and a reader never sees seq N+1 committed while N is still in flight.
create sequence change_seq;
create table change_state (
    entity  text not null,
    scope   text not null,   -- '' for global, warehouse for stock, pos_id for device-bound, profile name for profile
    key     text not null,
    seq     bigint not null,
    deleted boolean not null default false,
    data    text,
    primary key (entity, scope, key)
);
create index change_state_seq on change_state (seq);
