package main

import (
	"context"
	"time"

	"github.com/kashidashi/kashidashi/examples/server/store"
	"github.com/kashidashi/kashidashi/library"
)

// openTimeout bounds opening the database and bringing its schema up to
// date at start.
const openTimeout = time.Minute

// openStore opens the store the flags name: the PostgreSQL database of
// -postgres, else the SQLite file -db, created with its schema on first
// start; decisions are made under the rules of lib. The caller closes it.
func openStore(ctx context.Context, f flags, lib *library.Library) (*store.Store, error) {
	dsn := f.db
	if f.postgres != "" {
		dsn = f.postgres
	}
	ctx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	return store.Open(ctx, dsn, lib)
}
