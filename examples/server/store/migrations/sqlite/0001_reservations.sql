-- kashidashi reference service, schema version 1 (SQLite).
-- Reservations as holds.Reservation's JSON form (data, the record read
-- back and validated), with the columns the queries select on. Dates
-- are ISO 8601 text (YYYY-MM-DD), which sorts as dates do.
CREATE TABLE reservations (
    id         INTEGER PRIMARY KEY,
    patron     TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    active     INTEGER NOT NULL,
    grp        INTEGER,
    secured_on TEXT,
    deadline   TEXT,
    ended_on   TEXT,
    data       TEXT    NOT NULL
);
-- An item's queue (H3) and a patron's active reservations (H1), in ID order.
CREATE INDEX reservations_queue ON reservations (item, id) WHERE active;
CREATE INDEX reservations_patron ON reservations (patron, id) WHERE active;
-- The members of a reading order (H2).
CREATE INDEX reservations_group ON reservations (grp) WHERE grp IS NOT NULL AND active;
-- Daily work: ready ones by deadline (H4), notices of a day.
CREATE INDEX reservations_deadline ON reservations (deadline) WHERE state = 'ready';
CREATE INDEX reservations_secured ON reservations (secured_on) WHERE active;
CREATE INDEX reservations_ended ON reservations (ended_on) WHERE state = 'expired';

-- The audit log: every holds.Transition, with the override it used.
CREATE TABLE transitions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    reservation INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    on_day      TEXT    NOT NULL,
    data        TEXT    NOT NULL
);
CREATE INDEX transitions_reservation ON transitions (reservation, seq);

-- The first answer to each Idempotency-Key.
CREATE TABLE idempotency_keys (
    key          TEXT    PRIMARY KEY,
    request_hash BLOB    NOT NULL,
    status       INTEGER NOT NULL,
    body         BLOB    NOT NULL,
    created      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created);

-- Reservation IDs: a queue is in ID order (first come, first served).
-- SQLite has one writer at a time, so a counter row is a sequence.
CREATE TABLE reservation_ids (last INTEGER NOT NULL);
INSERT INTO reservation_ids (last) VALUES (0);
