package notice_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// update rewrites the notices' golden files: go test ./notice -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// noticeCases are the notices of every route (M1), golden-tested in both
// languages: testdata/notice-NAME.{json,en,ja}.golden.
var noticeCases = []struct {
	name   string
	r      holds.Reservation
	loans  int
	parcel shipping.Class
}{
	{"H6-R-PL1-prefectural-general", secured("0012345678", atPrefectural, circulation.General, "2026-11-19"), 0, shipping.Class{}},
	{"H6-R-PL1-prefectural-hokkaido", secured("0087654321", atPrefectural, circulation.Hokkaido, "2026-11-19"), 10, shipping.Class{}},
	{"H6-R-AL2-assembly", secured("0012345678", atAssembly, circulation.General, "2026-11-20"), 0, shipping.Class{}},
	{"H6-R-PT2-R-PT3-partner", secured("0012345678", atEbetsu, circulation.General, "2026-11-19"), 3, shipping.Class{}},
	{"H6-R-PT2-R-PT3-partner-year-end", secured("0012345678", atEbetsu, circulation.General, "2026-12-25"), 0, shipping.Class{}},
	{"H6-R-PT5-partner-held-back", secured("0012345678", atEbetsu, circulation.General, "2026-11-19"), 10, shipping.Class{}},
	{"H6-R-HD1-R-HD2-R-HD3-home-yu-mail", secured("0012345678", atHome, circulation.General, "2026-11-19"), 9, shipping.Class{Service: shipping.YuMail}},
	{"H6-R-HD1-R-HD2-R-HD3-home-yu-pack", secured("0012345678", atHome, circulation.General, "2026-12-28"), 0, shipping.Class{Service: shipping.YuPack, Size: 60}},
	{"H6-R-HD4-home-held-back", secured("0012345678", atHome, circulation.General, "2026-11-19"), 10, shipping.Class{Service: shipping.YuMail}},
}

func TestSecuredGoldenEveryRouteH6(t *testing.T) {
	for _, c := range noticeCases {
		t.Run(c.name, func(t *testing.T) {
			n, err := notice.Secured(c.r, timelineOf(policy, c.r, c.loans), c.parcel)
			require.NoError(t, err)
			checkGolden(t, "notice-"+c.name, n, func(l reason.Lang) string { return n.Text(nil, l) })
		})
	}
}

func TestSecuredR_PL1CounterOfTheCollection(t *testing.T) {
	for col, want := range map[circulation.Collection]circulation.ReturnChannel{
		circulation.General: circulation.GeneralCounter, circulation.Hokkaido: circulation.HokkaidoCounter,
	} {
		r := secured("b", atPrefectural, col, "2026-11-19")
		n, err := notice.Secured(r, timelineOf(policy, r, 0), shipping.Class{})
		require.NoError(t, err)
		assert.Equal(t, want, n.Counter)
	}
	r := secured("b", atAssembly, circulation.Hokkaido, "2026-11-19")
	n, err := notice.Secured(r, timelineOf(policy, r, 0), shipping.Class{})
	require.NoError(t, err)
	assert.False(t, n.Counter.Valid(), "only the Prefectural Library has two counters")
}

func TestSecuredR_HD4R_PT5HeldBackGivesThePolicyLimit(t *testing.T) {
	p := policy
	p.Circulation.MaxLoans = 5
	for _, place := range []circulation.Place{atEbetsu, atHome} {
		parcel := shipping.Class{}
		if place == atHome {
			parcel.Service = shipping.YuMail
		}
		r := secured("b", place, circulation.General, "2026-11-19")
		n, err := notice.Secured(r, timelineOf(p, r, 5), parcel)
		require.NoError(t, err)
		assert.True(t, n.HeldBack)
		assert.Equal(t, 5, n.LoanLimit)
		assert.True(t, n.CourierDay.IsZero() && n.PostingDay.IsZero() && n.PickupFrom.IsZero() && n.Deadline.IsZero() && n.Due.IsZero())
		assert.Contains(t, n.Text(nil, reason.Japanese), "貸出上限（5冊）")
		assert.Contains(t, n.Text(nil, reason.English), "loan limit of 5 items")
	}
}

func TestSecuredAgreesWithTimelineH4R_PT3(t *testing.T) {
	r := secured("b", atEbetsu, circulation.General, "2026-11-19")
	tl := timelineOf(policy, r, 0)
	n, err := notice.Secured(r, tl, shipping.Class{})
	require.NoError(t, err)
	assert.Equal(t, [4]string{tl.Sent.String(), tl.FirstPickup.String(), tl.Deadline.String(), tl.Due.String()},
		[4]string{n.CourierDay.String(), n.PickupFrom.String(), n.Deadline.String(), n.Due.String()})
}

// TestSecuredBadInputH6R_HD3NamesTheField: input that cannot make a
// notice is bad input naming the field, never a refusal.
func TestSecuredBadInputH6R_HD3NamesTheField(t *testing.T) {
	ok := secured("b", atPrefectural, circulation.General, "2026-11-19")
	okT := timelineOf(policy, ok, 0)
	home := secured("b", atHome, circulation.General, "2026-11-19")
	homeT := timelineOf(policy, home, 0)
	partner := secured("b", atEbetsu, circulation.General, "2026-11-19")
	partnerT := timelineOf(policy, partner, 0)
	with := func(t holds.Timeline, f func(*holds.Timeline)) holds.Timeline { f(&t); return t }
	for name, c := range map[string]struct {
		r      holds.Reservation
		t      holds.Timeline
		parcel shipping.Class
		path   string
	}{
		"not secured":               {holds.Reservation{Item: "b", Place: atPrefectural, State: holds.Waiting, PlacedOn: mustDay("2026-11-01")}, okT, shipping.Class{}, "reservation.secured_on"},
		"no item":                   {secured("", atPrefectural, circulation.General, "2026-11-19"), okT, shipping.Class{}, "reservation.item"},
		"invalid place":             {secured("b", circulation.Place{}, circulation.General, "2026-11-19"), okT, shipping.Class{}, "reservation.place.method"},
		"partner without name":      {secured("b", circulation.Place{Method: circulation.PartnerLibrary}, circulation.General, "2026-11-19"), partnerT, shipping.Class{}, "reservation.place.library"},
		"home delivery, no parcel":  {home, homeT, shipping.Class{}, "parcel.service"},
		"Yu-Pack without its size":  {home, homeT, shipping.Class{Service: shipping.YuPack}, "parcel.size"},
		"Yu-Mail with a size":       {home, homeT, shipping.Class{Service: shipping.YuMail, Size: 60}, "parcel.size"},
		"counter pickup, a parcel":  {ok, okT, shipping.Class{Service: shipping.YuMail}, "parcel"},
		"zero timeline":             {ok, holds.Timeline{}, shipping.Class{}, "timeline.place"},
		"timeline of another day":   {ok, with(okT, func(t *holds.Timeline) { t.Notice = t.Notice.AddDays(1) }), shipping.Class{}, "timeline.notice"},
		"timeline of another place": {ok, with(okT, func(t *holds.Timeline) { t.Place = atAssembly }), shipping.Class{}, "timeline.place"},
		"another counter R-PL1":     {ok, with(okT, func(t *holds.Timeline) { t.Counter = circulation.HokkaidoCounter }), shipping.Class{}, "timeline.counter"},
		"a counter elsewhere":       {partner, with(partnerT, func(t *holds.Timeline) { t.Counter = circulation.GeneralCounter }), shipping.Class{}, "timeline.counter"},
		"no deadline H4":            {partner, with(partnerT, func(t *holds.Timeline) { t.Deadline = calendar.Date{} }), shipping.Class{}, "timeline.deadline"},
		"no posting day R-HD2":      {home, with(homeT, func(t *holds.Timeline) { t.Sent = calendar.Date{} }), shipping.Class{Service: shipping.YuMail}, "timeline.sent"},
		"held back at the counter":  {ok, with(okT, func(t *holds.Timeline) { t.HeldBack, t.LoanLimit = true, 10 }), shipping.Class{}, "timeline.held_back"},
		"held back without limit":   {partner, with(partnerT, func(t *holds.Timeline) { t.HeldBack, t.LoanLimit = true, 0 }), shipping.Class{}, "timeline.loan_limit"},
	} {
		n, err := notice.Secured(c.r, c.t, c.parcel)
		require.ErrorIs(t, err, reason.ErrBadInput, name)
		assert.Equal(t, notice.Notice{}, n, name)
		var ps reason.Problems
		require.ErrorAs(t, err, &ps, name)
		assert.Equal(t, c.path, ps[0].Path, "%s: %v", name, err)
	}
}

// TestSecuredTimelineOfAPartnerWithoutCalendar: the timeline of a place
// the calendars do not know is holds' bad input; there is then no notice.
func TestSecuredTimelineOfAPartnerWithoutCalendar(t *testing.T) {
	r := secured("b", circulation.Place{Method: circulation.PartnerLibrary, Library: "どこか"}, circulation.General, "2026-11-19")
	_, err := policy.Timeline(r, cals, 0)
	assert.ErrorIs(t, err, reason.ErrBadInput)
}

func TestExtensionL3GoldenBothLanguages(t *testing.T) {
	loan := circulation.Loan{Item: "0012345678", Place: atPrefectural,
		Loaned: mustDay("2026-03-25"), Due: mustDay("2026-04-08")}
	today := mustDay("2026-04-01")

	d, err := loanPolicy.Extend(circulation.ExtendRequest{Loan: loan, Today: today, ReturnTo: prefectural})
	n, nerr := notice.Extension(loan, d.Loan, err)
	require.NoError(t, nerr)
	assert.Equal(t, "2026-04-15", n.Due.String(), "L3: 14 days after the day of the extension")
	checkGolden(t, "extension-L3-extended", n, func(l reason.Lang) string { return n.Text(nil, l) })

	refused := loan
	refused.Reserved, refused.Extensions = true, 1
	d, err = loanPolicy.Extend(circulation.ExtendRequest{Loan: refused, Today: today, ReturnTo: prefectural})
	n, nerr = notice.Extension(refused, d.Loan, err)
	require.NoError(t, nerr)
	assert.False(t, n.Extended)
	assert.ErrorIs(t, n.Refusal, circulation.ErrReserved)
	assert.ErrorIs(t, n.Refusal, circulation.ErrAlreadyExtended)
	checkGolden(t, "extension-L4-refused", n, func(l reason.Lang) string { return n.Text(nil, l) })

	// The JSON form keeps every reason: it decodes back to the refusal.
	b, err := json.Marshal(n)
	require.NoError(t, err)
	var back struct {
		Refusal reason.Refusal `json:"refusal"`
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, n.Refusal.Error(), back.Refusal.Error())
}

func TestExtensionPassesOnAnErrorThatIsNoRefusal(t *testing.T) {
	bad := errors.New("not a refusal")
	_, err := notice.Extension(circulation.Loan{}, circulation.Loan{}, bad)
	assert.Same(t, bad, err)
}

func TestExtensionBadInputNamesTheField(t *testing.T) {
	loan := circulation.Loan{Item: "a", Place: atPrefectural, Loaned: mustDay("2026-03-25"), Due: mustDay("2026-04-08")}
	extended := loan
	extended.Due = mustDay("2026-04-15")
	refusal := reason.Refuse("circulation", "extension", []reason.Coded{circulation.ErrReserved})
	for name, c := range map[string]struct {
		loan, extended circulation.Loan
		err            error
		paths          []string
	}{
		"zero loans":         {circulation.Loan{}, circulation.Loan{}, nil, []string{"loan.item", "loan.due", "extended.due"}},
		"refused, no due":    {circulation.Loan{Item: "a"}, circulation.Loan{}, refusal, []string{"loan.due"}},
		"extended, no due":   {loan, circulation.Loan{Item: "a"}, nil, []string{"extended.due"}},
		"another item":       {loan, circulation.Loan{Item: "b", Due: extended.Due}, nil, []string{"extended.item"}},
		"refused, no item":   {circulation.Loan{Due: loan.Due}, circulation.Loan{}, refusal, []string{"loan.item"}},
		"due date unchanged": {loan, loan, nil, nil},
	} {
		_, err := notice.Extension(c.loan, c.extended, c.err)
		if c.paths == nil {
			assert.NoError(t, err, name)
			continue
		}
		var ps reason.Problems
		require.ErrorAs(t, err, &ps, name)
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
		var paths []string
		for _, p := range ps {
			paths = append(paths, p.Path)
		}
		assert.Equal(t, c.paths, paths, name)
	}
}

// checkGolden compares the JSON of n and its text in both languages
// with testdata/NAME.{json,en,ja}.golden, or rewrites them under -update.
func checkGolden(t *testing.T, name string, n any, text func(reason.Lang) string) {
	t.Helper()
	js, err := json.MarshalIndent(n, "", "  ")
	require.NoError(t, err)
	for suffix, got := range map[string][]byte{
		"json": append(js, '\n'),
		"en":   []byte(text(reason.English)),
		"ja":   []byte(text(reason.Japanese)),
	} {
		path := filepath.Join("testdata", name+"."+suffix+".golden")
		if *update {
			require.NoError(t, os.MkdirAll("testdata", 0o755))
			require.NoError(t, os.WriteFile(path, got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./notice -run Golden -update")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
		}
	}
}
