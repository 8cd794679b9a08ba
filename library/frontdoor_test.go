package library

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// Default compiles the embedded document once: every call returns the
// same immutable *Library.
func TestDefaultIsCompiledOnce(t *testing.T) {
	assert.Same(t, Default(), Default())
}

// H4, H6, R-PL1: the timeline and the notice of a stored reservation come
// from the Library alone, under the rules of its secured day: secured on
// Thursday 2026-11-19 at the Prefectural Library, collectable from
// Friday 11-20, on the shelf until the tenth open day, 12-02.
func TestLibraryTimelineAndNoticeOfStoredReservationH4H6(t *testing.T) {
	lib := Default()
	r := holds.Reservation{ID: 1, Patron: "p", Item: "0012345678", Place: atPrefectural, State: holds.Secured,
		Collection: circulation.General, PlacedOn: day("2026-11-01"), SecuredOn: day("2026-11-19")}
	tl, err := lib.Timeline(r, 0)
	require.NoError(t, err)
	assert.Equal(t, day("2026-11-20"), tl.FirstPickup)
	assert.Equal(t, day("2026-12-02"), tl.Deadline)
	n, err := lib.Notice(r, 0, shipping.Class{})
	require.NoError(t, err)
	assert.Equal(t, tl.Deadline, n.Deadline)
	assert.Contains(t, n.Text(nil, reason.Japanese), "12月2日")

	_, err = lib.Timeline(holds.Reservation{Place: atPrefectural}, 0)
	assert.ErrorIs(t, err, reason.ErrBadInput, "a reservation never secured has no timeline")
}

// L5: the calendar a loan returns to comes from the Library: the
// Assembly Library's for a loan made there, the Prefectural Library's for
// one sent home (R-HD2), each in force on the day of the loan (V1).
func TestLibraryReturnCalendarL5(t *testing.T) {
	lib := Default()
	asm, err := lib.ReturnCalendar(circulation.Loan{Place: circulation.Place{Method: circulation.AssemblyLibrary}, Loaned: day("2027-01-05")})
	require.NoError(t, err)
	want, err := lib.Calendar("assembly", day("2027-01-05"))
	require.NoError(t, err)
	assert.Same(t, want, asm)
	home, err := lib.ReturnCalendar(circulation.Loan{Place: circulation.Place{Method: circulation.HomeDelivery}, Loaned: day("2027-01-05")})
	require.NoError(t, err)
	pref, err := lib.Calendar("prefectural", day("2027-01-05"))
	require.NoError(t, err)
	assert.Same(t, pref, home)
	_, err = lib.ReturnCalendar(circulation.Loan{Place: circulation.Place{Method: circulation.PartnerLibrary, Library: "nowhere"}})
	assert.ErrorIs(t, err, reason.ErrBadInput)
}

// The zero Library never panics: every method answers an error or an
// empty value.
func TestZeroLibraryNeverPanics(t *testing.T) {
	for _, l := range []*Library{nil, {}} {
		d := day("2027-01-05")
		assert.Empty(t, l.Sites())
		assert.Equal(t, Config{}, l.Config())
		_, err := l.Site("prefectural")
		assert.Error(t, err)
		_, err = l.Calendar("prefectural", d)
		assert.Error(t, err)
		assert.Equal(t, holds.Calendars{}, l.Calendars(d))
		assert.Nil(t, l.StaffDays())
		assert.Nil(t, l.Courier())
		assert.Nil(t, l.Tariff())
		assert.Equal(t, circulation.Policy{}, l.CirculationPolicy(d))
		assert.Equal(t, holds.Policy{}, l.HoldPolicy(d))
		_, err = l.NewDesk(nil)
		assert.ErrorIs(t, err, reason.ErrBadInput)
		_, err = l.Timeline(holds.Reservation{}, 0)
		assert.Error(t, err)
		_, err = l.Notice(holds.Reservation{}, 0, shipping.Class{})
		assert.Error(t, err)
		_, err = l.ReturnCalendar(circulation.Loan{})
		assert.Error(t, err)
		_, err = l.ReturnDesk(d)
		assert.Error(t, err)
		_, err = l.Closing("prefectural", calendar.Closure{From: d, To: d})
		assert.Error(t, err)
		_, err = l.Consequences(Change{From: d, To: d}, nil, nil)
		assert.Error(t, err)
		_, err = l.ClosedDays("prefectural", d, d)
		assert.Error(t, err)
		_, err = l.Month("prefectural", 2027, time.January)
		assert.Error(t, err)
		err = l.WriteICS(nil, "prefectural", d, d, calendar.ICSOptions{})
		assert.True(t, err != nil && !errors.Is(err, errors.ErrUnsupported))
		assert.Equal(t, holds.Policy{}, l.PolicyFor(holds.Reservation{Place: circulation.Place{Method: circulation.PrefecturalLibrary}}, d))
		assert.Equal(t, holds.Policy{}, l.CartPolicy(holds.Cart{}, d))
		assert.Equal(t, circulation.Policy{}, l.LoanPolicy(circulation.Loan{}, d))
		_, err = l.Policies(Criteria{}, d)
		assert.ErrorIs(t, err, reason.ErrBadInput)
		_, err = l.WithClosure("prefectural", calendar.Closure{From: d, To: d})
		assert.ErrorIs(t, err, reason.ErrBadInput)
		_, err = l.WithClosures(Closed{"prefectural", calendar.Closure{From: d, To: d}})
		assert.Error(t, err)
		_, err = l.WithClosures()
		assert.ErrorIs(t, err, reason.ErrBadInput)
	}
}
