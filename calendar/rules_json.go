package calendar

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kashidashi/kashidashi/internal/strictjson"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// The JSON form of Rules, written the way a librarian states the rules
// (docs/rules.md, C1–C8): days and months by lower-case English name,
// dates as "YYYY-MM-DD", days of the year as "MM-DD", times of day as
// "HH:MM". Keys whose value is the zero value are left out.
type rulesJSON struct {
	Name                      string       `json:"name,omitempty"`
	ClosedWeekdays            []string     `json:"closed_weekdays,omitempty"`
	ClosedNthWeekdays         []nthJSON    `json:"closed_nth_weekdays,omitempty"`
	ClosedOnHolidays          bool         `json:"closed_on_holidays,omitempty"`
	HolidayOpensWeeklyClosure bool         `json:"holiday_opens_weekly_closure,omitempty"`
	DayAfterHoliday           *avoidsJSON  `json:"day_after_holiday,omitempty"`
	MonthEnd                  *avoidsJSON  `json:"month_end,omitempty"`
	YearEnd                   *yearEndJSON `json:"year_end,omitempty"`
	Closures                  []oneOffJSON `json:"closures,omitempty"`
	Openings                  []oneOffJSON `json:"openings,omitempty"`
	Hours                     *hoursJSON   `json:"hours,omitempty"`
}

type nthJSON struct {
	Nth     int    `json:"nth"`
	Weekday string `json:"weekday"`
}

// avoidsJSON is a closure that is on when present: "month_end": {"avoids":
// ["monday"]}.
type avoidsJSON struct {
	Avoids []string `json:"avoids,omitempty"`
}

type yearEndJSON struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

type oneOffJSON struct {
	From   string     `json:"from"`
	To     string     `json:"to"`
	Reason *namesJSON `json:"reason,omitempty"`
}

type namesJSON struct {
	Ja string `json:"ja,omitempty"`
	En string `json:"en,omitempty"`
}

// hoursJSON keeps a nil Regular (absent) apart from an empty one ([]),
// as Hours does.
type hoursJSON struct {
	Regular  *[]windowJSON `json:"regular,omitempty"`
	Seasonal []seasonJSON  `json:"seasonal,omitempty"`
}

type windowJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type seasonJSON struct {
	Months   []string     `json:"months,omitempty"`
	Weekdays []string     `json:"weekdays,omitempty"`
	Windows  []windowJSON `json:"windows"`
}

// MarshalJSON encodes r in its JSON form (C8) (see docs/rules.md). It refuses
// rules with Problems, which could not be read back, with those problems.
func (r Rules) MarshalJSON() ([]byte, error) {
	if err := r.Problems().Err(); err != nil {
		return nil, err
	}
	j := rulesJSON{
		Name:                      r.Name,
		ClosedWeekdays:            r.ClosedWeekdays.names(),
		ClosedOnHolidays:          r.ClosedOnHolidays,
		HolidayOpensWeeklyClosure: r.HolidayOpensWeeklyClosure,
	}
	for _, n := range r.ClosedNthWeekdays {
		j.ClosedNthWeekdays = append(j.ClosedNthWeekdays, nthJSON{n.Nth, weekdayNames[n.Weekday]})
	}
	if r.DayAfterHoliday {
		j.DayAfterHoliday = &avoidsJSON{r.DayAfterHolidayAvoids.names()}
	}
	if r.MonthEnd {
		j.MonthEnd = &avoidsJSON{r.MonthEndAvoids.names()}
	}
	if r.YearEnd {
		j.YearEnd = &yearEndJSON{r.YearEndFrom.String(), r.YearEndTo.String()}
	}
	for _, c := range r.Closures {
		j.Closures = append(j.Closures, oneOffToJSON(c.From, c.To, c.Name, c.NameEn))
	}
	for _, o := range r.Openings {
		j.Openings = append(j.Openings, oneOffToJSON(o.From, o.To, o.Name, o.NameEn))
	}
	if r.Hours.Regular != nil || len(r.Hours.Seasonal) > 0 {
		h := &hoursJSON{}
		if r.Hours.Regular != nil {
			ws := windowsToJSON(r.Hours.Regular)
			h.Regular = &ws
		}
		for _, s := range r.Hours.Seasonal {
			h.Seasonal = append(h.Seasonal, seasonJSON{s.Months.names(), s.Weekdays.names(), windowsToJSON(s.Windows)})
		}
		j.Hours = h
	}
	return json.Marshal(j)
}

func oneOffToJSON(from, to Date, ja, en string) oneOffJSON {
	o := oneOffJSON{From: from.String(), To: to.String()}
	if ja != "" || en != "" {
		o.Reason = &namesJSON{ja, en}
	}
	return o
}

func windowsToJSON(ws []Window) []windowJSON {
	out := make([]windowJSON, len(ws))
	for i, w := range ws {
		out[i] = windowJSON{w.From.String(), w.To.String()}
	}
	return out
}

// UnmarshalJSON decodes the JSON form of Rules strictly. Every error is
// a reason.Problems, matching reason.ErrBadInput, each problem with its
// path in the JSON form; *r is left unchanged on any error. JSON that does
// not decode (an unknown key, a value of the wrong type, trailing data) is
// one problem. Values that decode but are wrong (a day named "mon", nth
// 6, a closure that ends before it starts) are all reported at once. To
// gather the problems of several Rules in one document, decode each on
// its own and prefix their paths (reason.Problems.Prefix).
func (r *Rules) UnmarshalJSON(b []byte) error {
	_, err := r.unmarshal(b)
	return err
}

// unmarshal is UnmarshalJSON; it also returns the probes it made for
// problems already noted, which tests bound.
func (r *Rules) unmarshal(b []byte) (probes int, err error) {
	if string(bytes.TrimSpace(b)) == "null" {
		return 0, nil // as encoding/json does for values
	}
	var j rulesJSON
	if err := strictjson.Decode("calendar", "rules", b, &j); err != nil {
		return 0, jsonError(err)
	}
	var d rulesDecoder
	v := d.rules(&j)
	// Problems of the decoded values, except where a value could not be
	// read at all and so has been reported already.
	d.index()
	for _, p := range v.Problems() {
		if !d.covers(p.Path) {
			d.ps = append(d.ps, p)
		}
	}
	if len(d.ps) > 0 {
		sortProblems(d.ps)
		return d.probes, d.ps
	}
	*r = v
	return d.probes, nil
}

// jsonKeys are the keys of the JSON form in their order.
var jsonKeys = []string{"name", "closed_weekdays", "closed_nth_weekdays", "closed_on_holidays",
	"holiday_opens_weekly_closure", "day_after_holiday", "month_end", "year_end", "closures", "openings", "hours"}

// sortProblems orders ps by the key of the JSON form each names, keeping
// the order within a key: O(n log n) for n problems, each key looked up
// once.
func sortProblems(ps reason.Problems) {
	type ranked struct {
		key int
		p   reason.Problem
	}
	rs := make([]ranked, len(ps))
	for i, p := range ps {
		key, _, _ := strings.Cut(p.Path, ".")
		key, _, _ = strings.Cut(key, "[")
		k := slices.Index(jsonKeys, key)
		if k < 0 {
			k = len(jsonKeys)
		}
		rs[i] = ranked{k, p}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(a.key, b.key) })
	for i, r := range rs {
		ps[i] = r.p
	}
}

// rulesDecoder turns rulesJSON into Rules, noting what it cannot read.
type rulesDecoder struct {
	ps reason.Problems
	// noted are the paths of the problems the decoder noted, and around
	// every path that is one of them or holds one, such as "hours" and
	// "hours.regular[0]" for "hours.regular[0].from" (index sets them).
	noted, around map[string]bool
	probes        int // look-ups made by covers
}

func (d *rulesDecoder) add(path, format string, args ...any) { d.ps.Add(path, format, args...) }

// pathPrefixes calls f with each prefix of path that ends before a "."
// or a "[", and with path itself: "hours", "hours.regular",
// "hours.regular[0]", "hours.regular[0].from".
func pathPrefixes(path string, f func(string)) {
	for i := 1; i < len(path); i++ {
		if path[i] == '.' || path[i] == '[' {
			f(path[:i])
		}
	}
	f(path)
}

// index records the paths of the problems noted so far, for covers.
func (d *rulesDecoder) index() {
	d.noted, d.around = make(map[string]bool, len(d.ps)), make(map[string]bool, len(d.ps))
	for _, p := range d.ps {
		d.noted[p.Path] = true
		pathPrefixes(p.Path, func(s string) { d.around[s] = true })
	}
}

// covers reports whether a problem at path, or inside or around it, was
// noted before index: in a number of look-ups bounded by the parts of
// path, whatever the number of problems noted.
func (d *rulesDecoder) covers(path string) bool {
	d.probes++
	if d.around[path] {
		return true // a noted problem is at path or inside it
	}
	found := false
	pathPrefixes(path, func(s string) {
		d.probes++
		found = found || d.noted[s]
	})
	return found
}

func (d *rulesDecoder) rules(j *rulesJSON) Rules {
	r := Rules{
		Name:                      j.Name,
		ClosedWeekdays:            d.weekdays("closed_weekdays", j.ClosedWeekdays),
		ClosedOnHolidays:          j.ClosedOnHolidays,
		HolidayOpensWeeklyClosure: j.HolidayOpensWeeklyClosure,
	}
	for i, n := range j.ClosedNthWeekdays {
		wd := d.weekday(fmt.Sprintf("closed_nth_weekdays[%d].weekday", i), n.Weekday)
		r.ClosedNthWeekdays = append(r.ClosedNthWeekdays, NthWeekday{n.Nth, wd})
	}
	if j.DayAfterHoliday != nil {
		r.DayAfterHoliday = true
		r.DayAfterHolidayAvoids = d.weekdays("day_after_holiday.avoids", j.DayAfterHoliday.Avoids)
	}
	if j.MonthEnd != nil {
		r.MonthEnd = true
		r.MonthEndAvoids = d.weekdays("month_end.avoids", j.MonthEnd.Avoids)
	}
	if j.YearEnd != nil {
		r.YearEnd = true
		from, err1 := parseMonthDay(j.YearEnd.From)
		to, err2 := parseMonthDay(j.YearEnd.To)
		d.noteMonthDay("year_end.from", j.YearEnd.From, err1)
		d.noteMonthDay("year_end.to", j.YearEnd.To, err2)
		r.YearEndFrom, r.YearEndTo = from, to
		if err1 == nil && err2 == nil && from.IsZero() != to.IsZero() {
			d.add("year_end", "from and to go together: give both or neither (12-29 to 01-03)")
		}
	}
	for i, c := range j.Closures {
		path := fmt.Sprintf("closures[%d]", i)
		from, to := d.date(path+".from", c.From), d.date(path+".to", c.To)
		ja, en := c.Reason.names()
		r.Closures = append(r.Closures, Closure{Name: ja, NameEn: en, From: from, To: to})
	}
	for i, o := range j.Openings {
		path := fmt.Sprintf("openings[%d]", i)
		from, to := d.date(path+".from", o.From), d.date(path+".to", o.To)
		ja, en := o.Reason.names()
		r.Openings = append(r.Openings, Opening{Name: ja, NameEn: en, From: from, To: to})
	}
	if j.Hours != nil {
		if j.Hours.Regular != nil {
			r.Hours.Regular = d.windows("hours.regular", *j.Hours.Regular)
		}
		for i, s := range j.Hours.Seasonal {
			path := fmt.Sprintf("hours.seasonal[%d]", i)
			r.Hours.Seasonal = append(r.Hours.Seasonal, SeasonalHours{
				Months:   d.months(path+".months", s.Months),
				Weekdays: d.weekdays(path+".weekdays", s.Weekdays),
				Windows:  d.windows(path+".windows", s.Windows),
			})
		}
	}
	return r
}

func (n *namesJSON) names() (ja, en string) {
	if n == nil {
		return "", ""
	}
	return n.Ja, n.En
}

func (d *rulesDecoder) weekday(path, s string) time.Weekday {
	wd, ok := weekdayNamed(s)
	if !ok {
		d.add(path, "%s is not a day of the week (sunday, monday, ..., saturday)", text.Quote(s))
	}
	return wd
}

func (d *rulesDecoder) weekdays(path string, names []string) Weekdays {
	return nameSet[Weekdays](d, path, names, weekdayNamed, "a day of the week (sunday, monday, ..., saturday)")
}

func (d *rulesDecoder) months(path string, names []string) Months {
	return nameSet[Months](d, path, names, monthNamed, "a month (january, ..., december)")
}

// nameSet reads a list of names (of days, of months) into a bit set,
// adding a problem at the path of each name that is unknown (it is not
// what) or given twice.
func nameSet[S ~uint8 | ~uint16, V ~int](d *rulesDecoder, path string, names []string, named func(string) (V, bool), what string) S {
	var set S
	for i, s := range names {
		p := fmt.Sprintf("%s[%d]", path, i)
		v, ok := named(s)
		switch {
		case !ok:
			d.add(p, "%s is not %s", text.Quote(s), what)
		case set&(S(1)<<v) != 0:
			d.add(p, "%s is named twice", s)
		}
		if ok {
			set |= S(1) << v
		}
	}
	return set
}

func (d *rulesDecoder) noteMonthDay(path, s string, err error) {
	if err != nil {
		d.add(path, "%s is not a month and day (MM-DD)", text.Quote(s))
	}
}

func (d *rulesDecoder) date(path, s string) Date {
	if s == "" {
		return Date{} // Problems reports the missing date
	}
	v, err := ParseDate(s)
	if err != nil {
		d.add(path, "%s is not a date (YYYY-MM-DD)", text.Quote(s))
	}
	return v
}

func (d *rulesDecoder) windows(path string, ws []windowJSON) []Window {
	out := make([]Window, len(ws))
	for i, w := range ws {
		p := fmt.Sprintf("%s[%d]", path, i)
		from, err1 := parseClock(w.From)
		to, err2 := parseClock(w.To)
		if err1 != nil {
			d.add(p+".from", "%s is not a time of day (HH:MM, 00:00 to 24:00)", text.Quote(w.From))
		}
		if err2 != nil {
			d.add(p+".to", "%s is not a time of day (HH:MM, 00:00 to 24:00)", text.Quote(w.To))
		}
		out[i] = Window{from, to}
	}
	return out
}

// decodeError is the error of JSON that does not decode: a
// reason.Problems of one problem, which also unwraps to the decoder's
// own error (a *strictjson.Error) for a caller that wants it.
type decodeError struct {
	reason.Problems
	err error
}

// Unwrap returns the problem and the decoder's error.
func (e decodeError) Unwrap() []error { return []error{e.Problems, e.err} }

// jsonError turns err, from strictjson.Decode, into a decodeError whose
// problem is at the path of the value json could not read, when json
// says, in the words strictjson.Describe gives every decoder of the
// module.
func jsonError(err error) error {
	field, msg := strictjson.Describe(err)
	return decodeError{Problems: reason.Problems{{Path: field, Message: bounded(msg)}}, err: err}
}

// maxMessage bounds the bytes of a message quoted from a decoder.
const maxMessage = 200

// bounded returns s cut to maxMessage bytes, on a character boundary,
// followed by "…" when it is longer.
func bounded(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	return strings.ToValidUTF8(s[:maxMessage], "") + "…"
}
