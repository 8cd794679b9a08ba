-- kashidashi reference service, schema version 1 (PostgreSQL).
-- Reservations as holds.Reservation's JSON form (data, the record read
-- back and validated), with the columns the queries select on.
CREATE TABLE reservations (
    id         BIGINT PRIMARY KEY,
    patron     TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    active     BOOLEAN NOT NULL,
    grp        BIGINT,
    secured_on DATE,
    deadline   DATE,
    ended_on   DATE,
    data       JSONB   NOT NULL
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
    seq         BIGSERIAL PRIMARY KEY,
    reservation BIGINT NOT NULL,
    action      TEXT   NOT NULL,
    on_day      DATE   NOT NULL,
    data        JSONB  NOT NULL
);
CREATE INDEX transitions_reservation ON transitions (reservation, seq);

-- The first answer to each Idempotency-Key.
CREATE TABLE idempotency_keys (
    key          TEXT        PRIMARY KEY,
    request_hash BYTEA       NOT NULL,
    status       INTEGER     NOT NULL,
    body         BYTEA       NOT NULL,
    created      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created);

-- Reservation IDs: a queue is in ID order (first come, first served).
CREATE SEQUENCE reservation_ids AS BIGINT;

-- One row per item and per patron, locked (SELECT ... FOR UPDATE) by
-- every change that reads or writes the item's queue or the patron's
-- reservations: the lock covers a queue or a patron with no row yet.
CREATE TABLE item_locks (item TEXT PRIMARY KEY);
CREATE TABLE patron_locks (patron TEXT PRIMARY KEY);
