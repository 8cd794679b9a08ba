-- kashidashi reference service, schema version 2 (SQLite): closures
-- applied (X5).
-- The mark the last closure applied to a reservation left
-- (library.Mark): the closure's first and last day, and the date the
-- reservation held before it (a ready one's deadline), NULL for none.
ALTER TABLE reservations ADD COLUMN mark_from TEXT;
ALTER TABLE reservations ADD COLUMN mark_to TEXT;
ALTER TABLE reservations ADD COLUMN mark_original TEXT;

-- Every closure applied, in the order applied: the place closed (a
-- place's id, or courier), its days and names, the member of staff who
-- applied it, how many stored reservations it changed, and when. Each
-- decision counts them all (library.Library.WithClosure); one place's
-- closure of the same days is stored once.
CREATE TABLE closures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    place        TEXT    NOT NULL,
    from_day     TEXT    NOT NULL,
    to_day       TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    name_en      TEXT    NOT NULL,
    staff        TEXT    NOT NULL,
    reservations INTEGER NOT NULL,
    created      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (place, from_day, to_day)
);
