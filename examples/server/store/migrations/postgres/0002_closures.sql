-- kashidashi reference service, schema version 2 (PostgreSQL): closures
-- applied (X5).
-- The mark the last closure applied to a reservation left
-- (library.Mark): the closure's first and last day, and the date the
-- reservation held before it (a ready one's deadline), NULL for none.
ALTER TABLE reservations
    ADD COLUMN mark_from     DATE,
    ADD COLUMN mark_to       DATE,
    ADD COLUMN mark_original DATE;

-- Every closure applied, in the order applied: the place closed (a
-- place's id, or courier), its days and names, the member of staff who
-- applied it, how many stored reservations it changed, and when. Each
-- decision counts them all (library.Library.WithClosure); one place's
-- closure of the same days is stored once.
CREATE TABLE closures (
    id           BIGSERIAL   PRIMARY KEY,
    place        TEXT        NOT NULL,
    from_day     DATE        NOT NULL,
    to_day       DATE        NOT NULL,
    name         TEXT        NOT NULL,
    name_en      TEXT        NOT NULL,
    staff        TEXT        NOT NULL,
    reservations INTEGER     NOT NULL,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (place, from_day, to_day)
);
