-- A push no longer publishes every stock level it moves to the pull feed (change_state) in its own transaction:
-- it marks the level unpublished, and the next pull for that warehouse publishes the marked levels once each,
-- under the change-feed lock, before it reads (see StockPublisher). A catch-up of 50,000 sales moved the same
-- ~200 levels ~36,000 times, and wrote each one to change_state every time.
alter table stock add column unpublished boolean not null default false;
-- Only the marked rows, found by warehouse; a level that stays marked across pushes keeps its index entry.
create index stock_unpublished on stock (warehouse) where unpublished;
