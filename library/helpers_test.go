package library

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// day parses YYYY-MM-DD.
func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ebetsuRules is a partner library closed on Mondays, public holidays
// and at the year end.
func ebetsuRules() calendar.Rules {
	return calendar.Rules{ClosedWeekdays: calendar.WeekdaysOf(time.Monday), ClosedOnHolidays: true, YearEnd: true}
}

// withPartners is the default configuration with partner libraries.
func withPartners() Config {
	c := DefaultConfig()
	c.Sites = append(c.Sites, Site{
		ID: "ebetsu", Name: "江別市情報図書館", NameEn: "Ebetsu City Library", Kind: Partner,
		Region: "石狩", RegistrationPartner: true, Rules: ebetsuRules(),
	})
	return c
}

func mustNew(t testing.TB, c Config) *Library {
	t.Helper()
	l, err := New(c)
	require.NoError(t, err)
	return l
}

var (
	atPrefectural = circulation.Place{Method: circulation.PrefecturalLibrary}
	atEbetsu      = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	atHome        = circulation.Place{Method: circulation.HomeDelivery}
)
