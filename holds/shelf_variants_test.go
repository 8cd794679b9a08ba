package holds

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// TestShelfDeadlineH7CalendarDays: H7 — under calendar_days the deadline
// is the ShelfDays-th day counting the first collectable day as day 1,
// or the next open day when the place is closed on it; open_days (the
// default) is H4.
func TestShelfDeadlineH7CalendarDays(t *testing.T) {
	tests := []struct {
		name        string
		count       ShelfCount
		first, want string
	}{
		{"H7 open days (default): notice Tue 2026-04-07, first collectable 04-08", OpenDays, "2026-04-08", "2026-04-18"},
		{"H7 calendar days: first collectable 2026-04-08, 10th day Fri 04-17", CalendarDays, "2026-04-08", "2026-04-17"},
		{"H7 open days: first collectable Sat 2026-04-18", OpenDays, "2026-04-18", "2026-04-29"},
		{"H7 calendar days: 10th day Mon 2026-04-27 closed, next open day Tue 04-28", CalendarDays, "2026-04-18", "2026-04-28"},
		{"H7 open days across the year-end", OpenDays, "2026-12-25", "2027-01-11"},
		{"H7 calendar days: 10th day 2027-01-03 in the year-end closure, next open day 01-05", CalendarDays, "2026-12-25", "2027-01-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			p.ShelfCount = tt.count
			require.NoError(t, p.Validate())
			assert.Equal(t, tt.want, p.ShelfDeadline(mustDay(tt.first), prefectural).String())
		})
	}
}

// TestShelfDeadlineH7Property: H7 — under calendar_days the deadline is
// an open day, never before the n-th day, and every day between the n-th
// day and it is closed; it is never later than the open-day deadline.
func TestShelfDeadlineH7Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		at := []*calendar.Calendar{prefectural, assembly, ebetsu, thursdays}[rapid.IntRange(0, 3).Draw(t, "place")]
		p := DefaultPolicy()
		p.ShelfDays = rapid.IntRange(1, 30).Draw(t, "shelf_days")
		first := mustDay("2026-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "first"))
		p.ShelfCount = CalendarDays
		d := p.ShelfDeadline(first, at)
		nth := first.AddDays(p.ShelfDays - 1)
		if !at.IsOpen(d) || d.Before(nth) {
			t.Fatalf("H7 deadline %v from %v: open %v, before day %d (%v)", d, first, at.IsOpen(d), p.ShelfDays, nth)
		}
		for x := nth; x.Before(d); x = x.AddDays(1) {
			if at.IsOpen(x) {
				t.Fatalf("H7 deadline %v passes over open day %v", d, x)
			}
		}
		p.ShelfCount = OpenDays
		if open := p.ShelfDeadline(first, at); d.After(open) {
			t.Fatalf("H7 calendar-day deadline %v after the open-day one %v", d, open)
		}
	})
}

// TestShelfDeadlineH8ByContact: H8 — the shelf days depend on how the
// patron is told; a contact left 0 has ShelfDays, and no contact given
// is email.
func TestShelfDeadlineH8ByContact(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfDaysByContact = ShelfDaysByContact{Telephone: 7, None: 5}
	require.NoError(t, p.Validate())
	first := mustDay("2026-04-08") // notice Tue 2026-04-07 at the Prefectural Library
	tests := []struct {
		name    string
		contact []Contact
		want    string
	}{
		{"H8 no contact given: email, ShelfDays 10", nil, "2026-04-18"},
		{"H8 email: 0, so ShelfDays 10", []Contact{ContactEmail}, "2026-04-18"},
		{"H8 telephone: 7 open days (Monday 04-13 closed)", []Contact{ContactTelephone}, "2026-04-15"},
		{"H8 no contact wanted: 5 open days", []Contact{ContactNone}, "2026-04-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, p.ShelfDeadline(first, prefectural, tt.contact...).String())
		})
	}
}

// TestShelfDeadlineH8Property: H8 — the deadline for a contact is the
// deadline of a policy whose ShelfDays are that contact's days (or
// ShelfDays when 0), under either count (H7).
func TestShelfDeadlineH8Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := DefaultPolicy()
		p.ShelfCount = rapid.SampledFrom([]ShelfCount{OpenDays, CalendarDays}).Draw(t, "count")
		p.ShelfDaysByContact = ShelfDaysByContact{
			Email:     rapid.IntRange(0, 30).Draw(t, "email"),
			Telephone: rapid.IntRange(0, 30).Draw(t, "telephone"),
			None:      rapid.IntRange(0, 30).Draw(t, "none"),
		}
		c := rapid.SampledFrom([]Contact{ContactEmail, ContactTelephone, ContactNone}).Draw(t, "contact")
		first := mustDay("2026-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "first"))
		n := [...]int{p.ShelfDaysByContact.Email, p.ShelfDaysByContact.Telephone, p.ShelfDaysByContact.None}[c]
		plain := p
		plain.ShelfDaysByContact = ShelfDaysByContact{}
		if n != 0 {
			plain.ShelfDays = n
		}
		if got, want := p.ShelfDeadline(first, prefectural, c), plain.ShelfDeadline(first, prefectural); got != want {
			t.Fatalf("H8 %v: deadline %v, want %v", c, got, want)
		}
		if c == ContactEmail && p.ShelfDeadline(first, prefectural) != p.ShelfDeadline(first, prefectural, c) {
			t.Fatal("H8 no contact given is not email")
		}
	})
}

// TestShelfContactH8Desk: H8 — the cart's contact is stored on each
// reservation, and the desk's deadline and the Timeline follow it.
func TestShelfContactH8Desk(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfDaysByContact.Telephone = 7
	d := newDeskWith(t, p)
	rs, _, err := d.Checkout(Cart{Patron: "p1", Items: []circulation.Item{item("i1", circulation.OnShelf)}, Place: atPrefectural,
		Ordering: Normal, Contact: ContactTelephone}, mustDay("2026-04-01"), circulation.Override{})
	require.NoError(t, err)
	require.Equal(t, ContactTelephone, rs[0].Contact)
	_, err = d.SecureNext("i1", mustDay("2026-04-07"))
	require.NoError(t, err)
	r, err := d.MakeReady(rs[0].ID, mustDay("2026-04-07"))
	require.NoError(t, err)
	assert.Equal(t, "2026-04-15", r.Deadline.String())
	tl, err := p.Timeline(r, cals, 0)
	require.NoError(t, err)
	assert.Equal(t, r.Deadline, tl.Deadline)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"contact":"telephone"`)
}

// TestExtendShelfH9: H9 — the one extension of the hold shelf, when
// nobody else waits: worked example and every refusal.
func TestExtendShelfH9(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfExtensionDays = 7
	d := newDeskWith(t, p)
	cart := func(who string) Cart {
		return Cart{Patron: who, Items: []circulation.Item{item("i1", circulation.OnShelf)}, Place: atPrefectural, Ordering: Normal}
	}
	rs, _, err := d.Checkout(cart("p1"), mustDay("2026-04-01"), circulation.Override{})
	require.NoError(t, err)
	id := rs[0].ID
	extend := func(on string) (Change, error) {
		return d.do(Request{Action: ActionExtendShelf, ID: id, By: ByStaff, Today: mustDay(on)})
	}
	_, err = extend("2026-04-02")
	assert.Equal(t, []string{ErrNoStep.Code()}, reasonsOf(t, err), "H9 waiting: nothing to extend")
	_, err = d.SecureNext("i1", mustDay("2026-04-07"))
	require.NoError(t, err)
	r, err := d.MakeReady(id, mustDay("2026-04-07"))
	require.NoError(t, err)
	require.Equal(t, "2026-04-18", r.Deadline.String())

	t.Run("H9 refused while another patron waits", func(t *testing.T) {
		other, _, err := d.Checkout(cart("p2"), mustDay("2026-04-10"), circulation.Override{})
		require.NoError(t, err)
		_, err = extend("2026-04-10")
		assert.Equal(t, []string{ErrShelfOthersWait.Code() + " i1"}, reasonsOf(t, err))
		_, _, err = d.Cancel(other[0].ID, ByPatron, mustDay("2026-04-10"), circulation.Override{})
		require.NoError(t, err)
	})
	t.Run("H9 extended once: deadline Sat 04-18 gains 7 open days, Sun 04-26", func(t *testing.T) {
		before, _ := d.Get(id)
		ch, err := extend("2026-04-17")
		require.NoError(t, err)
		after := one(ch)
		assert.Equal(t, "2026-04-26", after.Deadline.String())
		assert.True(t, after.ShelfExtended)
		assert.Equal(t, Ready, after.State)
		tr, err := before.Step(after, ByStaff, mustDay("2026-04-17"), circulation.Override{})
		require.NoError(t, err)
		assert.Equal(t, ActionExtendShelf, tr.Action, "H9 the audit Step recognises the edge")
		_, err = after.Step(after, ByStaff, mustDay("2026-04-17"), circulation.Override{})
		assert.Error(t, err, "H9 ready to ready with nothing changed is no step")
	})
	t.Run("H9 a second extension is refused", func(t *testing.T) {
		_, err := extend("2026-04-20")
		assert.Equal(t, []string{ErrShelfAlreadyExtended.Code()}, reasonsOf(t, err))
	})
	t.Run("H9 after the deadline, not offered: every reason", func(t *testing.T) {
		_, err := extend("2026-04-27")
		assert.Equal(t, []string{ErrShelfAlreadyExtended.Code(), ErrShelfDeadlinePassed.Code()}, reasonsOf(t, err))
		off := newDeskWith(t, DefaultPolicy())
		rs, _, err := off.Checkout(cart("p1"), mustDay("2026-04-01"), circulation.Override{})
		require.NoError(t, err)
		_, err = off.SecureNext("i1", mustDay("2026-04-07"))
		require.NoError(t, err)
		_, err = off.MakeReady(rs[0].ID, mustDay("2026-04-07"))
		require.NoError(t, err)
		_, err = off.do(Request{Action: ActionExtendShelf, ID: rs[0].ID, Today: mustDay("2026-04-08")})
		assert.Equal(t, []string{ErrShelfExtensionOff.Code()}, reasonsOf(t, err))
	})
	t.Run("H9 the request reads the item's queue", func(t *testing.T) {
		r, _ := d.Get(id)
		rq := Request{Action: ActionExtendShelf, ID: id, Today: mustDay("2026-04-20")}
		assert.Equal(t, ReadSet{IDs: []uint64{id}}, rq.Reads(nil))
		assert.Equal(t, ReadSet{IDs: []uint64{id}, Items: []string{"i1"}}, rq.Reads([]Reservation{r}))
	})
}

// TestExtendShelfH9Calendar: H9 — the extension counts as H7 says: in
// calendar days from the day after the deadline, moved to an open day.
func TestExtendShelfH9Calendar(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfExtensionDays = 7
	deadline := mustDay("2026-04-18")
	assert.Equal(t, "2026-04-26", p.ExtendShelf(deadline, prefectural).String())
	p.ShelfCount = CalendarDays
	assert.Equal(t, "2026-04-25", p.ExtendShelf(deadline, prefectural).String())
	assert.Equal(t, "2026-04-28", p.ExtendShelf(mustDay("2026-04-20"), prefectural).String(), "H9 7th day Mon 04-27 closed")
	p.ShelfExtensionDays = 0
	assert.Equal(t, deadline, p.ExtendShelf(deadline, prefectural), "H9 none offered")
}

// TestExtendShelfH9Property: H9 — in open days the extension adds
// exactly ShelfExtensionDays open days after the deadline; in calendar
// days it ends on the first open day from the n-th day after it.
func TestExtendShelfH9Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		at := []*calendar.Calendar{prefectural, assembly, ebetsu, thursdays}[rapid.IntRange(0, 3).Draw(t, "place")]
		p := DefaultPolicy()
		p.ShelfExtensionDays = rapid.IntRange(1, 30).Draw(t, "extension")
		p.ShelfCount = rapid.SampledFrom([]ShelfCount{OpenDays, CalendarDays}).Draw(t, "count")
		deadline := at.NextOpen(mustDay("2026-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "deadline")))
		got := p.ExtendShelf(deadline, at)
		if !got.After(deadline) || !at.IsOpen(got) {
			t.Fatalf("H9 %v extended to %v", deadline, got)
		}
		switch p.ShelfCount {
		case OpenDays:
			if n := at.OpenDaysBetween(deadline, got); n != p.ShelfExtensionDays {
				t.Fatalf("H9 %v extended to %v: %d open days", deadline, got, n)
			}
		default:
			if want := at.NextOpen(deadline.AddDays(p.ShelfExtensionDays)); got != want {
				t.Fatalf("H9 %v extended to %v, want %v", deadline, got, want)
			}
		}
	})
}

// TestPolicyH7H8H9Validate: the settings are validated with their paths,
// and the published policy's JSON form has none of them (zero values).
func TestPolicyH7H8H9Validate(t *testing.T) {
	p := DefaultPolicy()
	p.ShelfCount = 2
	p.ShelfDaysByContact = ShelfDaysByContact{Telephone: -1, None: 367}
	p.ShelfExtensionDays = -2
	assert.Equal(t, []string{"shelf_count", "shelf_days_by_contact.telephone", "shelf_days_by_contact.none", "shelf_extension_days"}, pathsOf(t, p.Validate()))

	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.NotContains(t, string(b), "shelf_count")
	assert.NotContains(t, string(b), "shelf_days_by_contact")
	assert.NotContains(t, string(b), "shelf_extension_days")

	q := DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"shelf_count":"calendar_days","shelf_days_by_contact":{"telephone":7},"shelf_extension_days":7}`), &q))
	assert.Equal(t, CalendarDays, q.ShelfCount)
	assert.Equal(t, 7, q.ShelfDaysByContact.Telephone)
	assert.Equal(t, 7, q.ShelfExtensionDays)
	assert.Error(t, json.Unmarshal([]byte(`{"shelf_count":"weeks"}`), &q))

	c := Cart{Patron: "p", Contact: 9}
	assert.Contains(t, pathsOf(t, c.problems().Err()), "cart.contact")
	r := securedFor(atPrefectural, mustDay("2026-04-07"))
	r.Contact = 9
	assert.Contains(t, pathsOf(t, r.Validate()), "contact")
}
