package holds

import "fmt"

// ShelfStart says which open day of the pickup place is the first of the
// Policy.ShelfDays open days a ready item waits on the hold shelf (H4).
// ShelfStarts encode as stable lower-case names. The zero ShelfStart,
// ShelfFromFirstCollectable, is the default.
type ShelfStart uint8

// The two readings of H4's "10 days".
const (
	// ShelfFromFirstCollectable: the first day the patron can collect the
	// item is day 1 (H4 [reading, decided 2026-11-27]), so the patron has
	// ShelfDays open pickup days. At the Prefectural and Assembly
	// Libraries, where pickup starts the open day after the notice, the
	// deadline is the ShelfDays-th open day after the notice day:
	// notice Tue 2026-04-07 at the Prefectural Library → Sat 2026-04-18.
	ShelfFromFirstCollectable ShelfStart = iota
	// ShelfFromDayAfter: day 1 is the open day after the first
	// collectable day, which gives one open day more (notice 2026-04-07 →
	// 2026-04-19): the reading this package used before 2026-11-27.
	ShelfFromDayAfter
)

var shelfStartNames = [...]string{
	ShelfFromFirstCollectable: "first_collectable_day",
	ShelfFromDayAfter:         "day_after_first_collectable_day",
}

// Valid reports whether s is one of the two readings.
func (s ShelfStart) Valid() bool { return s <= ShelfFromDayAfter }

// String returns the stable name of s, such as "first_collectable_day".
func (s ShelfStart) String() string {
	if !s.Valid() {
		return fmt.Sprintf("ShelfStart(%d)", uint8(s))
	}
	return shelfStartNames[s]
}

// ParseShelfStart returns the ShelfStart whose stable name is name.
func ParseShelfStart(name string) (ShelfStart, error) {
	for s := ShelfFromFirstCollectable; s <= ShelfFromDayAfter; s++ {
		if shelfStartNames[s] == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("holds: unknown shelf start %q (want first_collectable_day or day_after_first_collectable_day)", name)
}

// MarshalText encodes s as its stable name.
func (s ShelfStart) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("holds: cannot encode invalid shelf start %d", uint8(s))
	}
	return []byte(shelfStartNames[s]), nil
}

// UnmarshalText decodes a stable name.
func (s *ShelfStart) UnmarshalText(b []byte) error {
	v, err := ParseShelfStart(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
