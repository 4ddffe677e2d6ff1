-- How many times a user was locked out since their last right PIN: each lock lasts twice the one before
-- (30 s, 1 min, 2 min, ... up to 15 min). A right PIN deletes the row, so the next lock starts again at 30 s.
ALTER TABLE login_attempt ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
