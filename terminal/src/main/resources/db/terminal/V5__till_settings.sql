-- Settings of this till that are not the server's (the server's device record lives in device.config_json and is
-- rewritten by pulls): the cash drawer's pin and pulse, set by a user with can_configure_pos and logged.
create table till_setting (
    key   text primary key,
    value text not null
);
