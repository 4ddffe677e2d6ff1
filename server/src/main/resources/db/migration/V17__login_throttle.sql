-- Sign-in throttling (API POST /auth/login and the console sign-in), kept here so that every server behind this
-- database sees the same counts. A failure row lives 15 minutes (the sliding window); a lock row remembers how
-- many times the key was locked, so the next lock lasts longer.
create table login_failure (
    id        bigserial primary key,
    scope     text        not null check (scope in ('account', 'address')),
    key       text        not null,
    failed_at timestamptz not null default now()
);
create index login_failure_by_key on login_failure (scope, key, failed_at);

create table login_lock (
    scope        text        not null check (scope in ('account', 'address')),
    key          text        not null,
    lockouts     int         not null default 0,
    locked_until timestamptz,
    primary key (scope, key)
);
