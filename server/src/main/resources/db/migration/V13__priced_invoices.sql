-- Invoices in the priced form of issue 17 (docs/pricing.md "Wire form of a priced invoice"): quantities in
-- thousandths, discounts on lines and on the sale, tax-inclusive shelf prices, cash rounding.
-- An invoice stored before this migration was whole units, tax-exclusive, with no discount: its quantity becomes
-- thousandths (qty × 1000), its gross is its net, its discounts and rounding 0, so every total stays to the cent.
-- qty_milli and gross_minor stay nullable for rows written without them (a reader takes qty × 1000 and net_minor),
-- so a tool that inserts in the previous release's shape keeps working.
alter table sales_invoice_line add column qty_milli            bigint;
alter table sales_invoice_line add column unit                 text;
alter table sales_invoice_line add column gross_minor          bigint;
alter table sales_invoice_line add column line_discount_minor  bigint not null default 0;
alter table sales_invoice_line add column sale_discount_minor  bigint not null default 0;
-- The line's discount as the cashier entered it (PERCENT: value in basis points; AMOUNT: minor units).
alter table sales_invoice_line add column discount_kind        text check (discount_kind in ('PERCENT', 'AMOUNT'));
alter table sales_invoice_line add column discount_value       bigint;
alter table sales_invoice_line add column discount_reason      text;
alter table sales_invoice_line add column discount_approved_by text;
update sales_invoice_line set qty_milli = qty * 1000, gross_minor = net_minor;

alter table sales_invoice add column prices_include_tax        boolean not null default false;
-- Every line and sale discount of the invoice together (the reports read this one figure).
alter table sales_invoice add column discount_minor            bigint not null default 0;
-- payments − change = grand total + rounding (cash rounding to the profile's increment).
alter table sales_invoice add column rounding_minor            bigint not null default 0;
alter table sales_invoice add column sale_discount_kind        text check (sale_discount_kind in ('PERCENT', 'AMOUNT'));
alter table sales_invoice add column sale_discount_value       bigint;
alter table sales_invoice add column sale_discount_reason      text;
alter table sales_invoice add column sale_discount_approved_by text;
