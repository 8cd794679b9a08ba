package holds

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

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// update rewrites the notices' golden files: go test ./holds -run Notice -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// secured returns a reservation of item at place secured on day.
func secured(item string, place circulation.Place, col circulation.Collection, day string) Reservation {
	return Reservation{ID: 1, Patron: "P", Item: item, Place: place, Collection: col, State: Secured,
		PlacedOn: mustDay("2026-11-01"), SecuredOn: mustDay(day)}
}

// noticeCases are the notices of every route (M1), golden-tested in both
// languages: testdata/notice-NAME.{json,en,ja}.golden.
var noticeCases = []struct {
	name   string
	r      Reservation
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

func TestNoticeGoldenEveryRouteH6(t *testing.T) {
	for _, c := range noticeCases {
		t.Run(c.name, func(t *testing.T) {
			n, err := DefaultPolicy().Notice(c.r, cals, c.loans, false, c.parcel)
			require.NoError(t, err)
			checkNoticeGolden(t, "notice-"+c.name, n, n.Text)
		})
	}
}

func TestNoticeR_PL1CounterOfTheCollection(t *testing.T) {
	for col, want := range map[circulation.Collection]circulation.ReturnChannel{
		circulation.General: circulation.GeneralCounter, circulation.Hokkaido: circulation.HokkaidoCounter,
	} {
		n, err := DefaultPolicy().Notice(secured("b", atPrefectural, col, "2026-11-19"), cals, 0, false, shipping.Class{})
		require.NoError(t, err)
		assert.Equal(t, want, n.Counter)
	}
	n, err := DefaultPolicy().Notice(secured("b", atAssembly, circulation.Hokkaido, "2026-11-19"), cals, 0, false, shipping.Class{})
	require.NoError(t, err)
	assert.False(t, n.Counter.Valid(), "only the Prefectural Library has two counters")
}

func TestNoticeR_HD4R_PT5HeldBackGivesThePolicyLimit(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.MaxLoans = 5
	for _, place := range []circulation.Place{atEbetsu, atHome} {
		parcel := shipping.Class{}
		if place == atHome {
			parcel.Service = shipping.YuMail
		}
		n, err := p.Notice(secured("b", place, circulation.General, "2026-11-19"), cals, 5, false, parcel)
		require.NoError(t, err)
		assert.True(t, n.HeldBack)
		assert.Equal(t, 5, n.LoanLimit)
		assert.True(t, n.CourierDay.IsZero() && n.PostingDay.IsZero() && n.PickupFrom.IsZero() && n.Deadline.IsZero() && n.Due.IsZero())
		assert.Contains(t, n.Text(reason.Japanese), "貸出上限（5冊）")
		assert.Contains(t, n.Text(reason.English), "loan limit of 5 items")
	}
}

func TestNoticeAgreesWithTimelineH4R_PT3(t *testing.T) {
	r := secured("b", atEbetsu, circulation.General, "2026-11-19")
	n, err := DefaultPolicy().Notice(r, cals, 0, false, shipping.Class{})
	require.NoError(t, err)
	tl, err := DefaultPolicy().Timeline(r.SecuredOn, cals, r.Place, 0, false)
	require.NoError(t, err)
	assert.Equal(t, [4]string{tl.Sent.String(), tl.FirstPickup.String(), tl.Deadline.String(), tl.Due.String()},
		[4]string{n.CourierDay.String(), n.PickupFrom.String(), n.Deadline.String(), n.Due.String()})
}

func TestNoticeInconsistentInputH6R_HD3(t *testing.T) {
	p := DefaultPolicy()
	for name, c := range map[string]struct {
		r      Reservation
		parcel shipping.Class
	}{
		"not secured":              {Reservation{Item: "b", Place: atPrefectural, State: Waiting, PlacedOn: mustDay("2026-11-01")}, shipping.Class{}},
		"home delivery, no parcel": {secured("b", atHome, circulation.General, "2026-11-19"), shipping.Class{}},
		"counter pickup, a parcel": {secured("b", atPrefectural, circulation.General, "2026-11-19"), shipping.Class{Service: shipping.YuMail}},
		"partner without calendar": {secured("b", circulation.Place{Method: circulation.PartnerLibrary, Library: "どこか"}, circulation.General, "2026-11-19"), shipping.Class{}},
		"invalid place":            {secured("b", circulation.Place{}, circulation.General, "2026-11-19"), shipping.Class{}},
	} {
		_, err := p.Notice(c.r, cals, 0, false, c.parcel)
		assert.ErrorIs(t, err, ErrInconsistentInput, name)
	}
}

func TestNoticeOfExtensionL3GoldenBothLanguages(t *testing.T) {
	policy := circulation.DefaultPolicy()
	loan := circulation.Loan{Item: "0012345678", Place: atPrefectural,
		Loaned: mustDay("2026-03-25"), Due: mustDay("2026-04-08")}
	today := mustDay("2026-04-01")

	extended, _, err := policy.Extend(loan, nil, today, prefectural, circulation.Override{})
	n, nerr := NoticeOfExtension(loan, extended, err)
	require.NoError(t, nerr)
	assert.Equal(t, "2026-04-15", n.Due.String(), "L3: 14 days after the day of the extension")
	checkNoticeGolden(t, "extension-L3-extended", n, n.Text)

	refused := loan
	refused.Reserved, refused.Extensions = true, 1
	extended, _, err = policy.Extend(refused, nil, today, prefectural, circulation.Override{})
	n, nerr = NoticeOfExtension(refused, extended, err)
	require.NoError(t, nerr)
	assert.False(t, n.Extended)
	assert.ErrorIs(t, n.Refusal, circulation.ErrReserved)
	assert.ErrorIs(t, n.Refusal, circulation.ErrAlreadyExtended)
	checkNoticeGolden(t, "extension-L4-refused", n, n.Text)

	// The JSON form keeps every reason: it decodes back to the refusal.
	b, err := json.Marshal(n)
	require.NoError(t, err)
	var back struct {
		Refusal reason.Refusal `json:"refusal"`
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, n.Refusal.Error(), back.Refusal.Error())
}

func TestNoticeOfExtensionPassesOnInconsistentInput(t *testing.T) {
	bad := errors.New("not a refusal")
	_, err := NoticeOfExtension(circulation.Loan{}, circulation.Loan{}, bad)
	assert.Same(t, bad, err)
}

// checkNoticeGolden compares the JSON of n and its text in both languages
// with testdata/NAME.{json,en,ja}.golden, or rewrites them under -update.
func checkNoticeGolden(t *testing.T, name string, n any, text func(reason.Lang) string) {
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
		require.NoError(t, err, "run go test ./holds -run Notice -update")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
		}
	}
}
