package selfcheck_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// The field definitions of the 3M Standard Interchange Protocol, version
// 2.00, that the tests of S2 check the writer against.

// patronStatusPositions is the patron status field (14-char, fixed
// length) of the Patron Status Response (24) and the Patron Information
// Response (64): position, meaning, and the package's Flag for it.
var patronStatusPositions = []struct {
	pos     int
	meaning string
	flag    selfcheck.Flag
}{
	{0, "charge privileges denied", selfcheck.ChargeDenied},
	{1, "renewal privileges denied", selfcheck.RenewalDenied},
	{2, "recall privileges denied", selfcheck.RecallDenied},
	{3, "hold privileges denied", selfcheck.HoldDenied},
	{4, "card reported lost", selfcheck.CardLost},
	{5, "too many items charged", selfcheck.TooManyCharged},
	{6, "too many items overdue", selfcheck.TooManyOverdue},
	{7, "too many renewals", selfcheck.TooManyRenewals},
	{8, "too many claims of items returned", selfcheck.TooManyClaimsReturned},
	{9, "too many items lost", selfcheck.TooManyLost},
	{10, "excessive outstanding fines", selfcheck.ExcessiveFines},
	{11, "excessive outstanding fees", selfcheck.ExcessiveFees},
	{12, "recall overdue", selfcheck.RecallOverdue},
	{13, "too many items billed", selfcheck.TooManyBilled},
}

// A fixed-length field: its offset in the message (the command
// identifier at 0 and 1), its length and its name.
type fixedField struct {
	off, n int
	name   string
}

// The fixed-length fields of the Patron Status Response (24), in order.
var patronStatusFixed = []fixedField{
	{0, 2, "command identifier"},
	{2, 14, "patron status"},
	{16, 3, "language"},
	{19, 18, "transaction date"},
}

// The fixed-length fields of the Patron Information Response (64), in
// order: the 24's, then six counts.
var patronInformationFixed = append(append([]fixedField(nil), patronStatusFixed...),
	fixedField{37, 4, "hold items count"},
	fixedField{41, 4, "overdue items count"},
	fixedField{45, 4, "charged items count"},
	fixedField{49, 4, "fine items count"},
	fixedField{53, 4, "recall items count"},
	fixedField{57, 4, "unavailable holds count"},
)

// The variable-length fields each response may have, by identifier, in
// the order of the protocol document; required ones marked.
var (
	patronStatusVariable = []string{"AO!", "AA!", "AE!", "BL", "CQ", "BH", "BV", "AF", "AG"}
	patronInfoVariable   = []string{"AO!", "AA!", "AE!", "BZ", "CA", "CB", "BL", "CQ", "BH", "BV", "CC",
		"AS", "AT", "AU", "AV", "BU", "CD", "BD", "BE", "BF", "AF", "AG"}
)

// parse splits msg into its fixed-length fields and its variable-length
// fields, checking it against the definition: the fixed fields' lengths,
// every variable field a known identifier of the message, in the
// document's order (screen messages repeated), each ended by '|', the
// required ones present.
func parse(t *testing.T, msg string, fixed []fixedField, variable []string) (map[string]string, [][2]string) {
	t.Helper()
	last := fixed[len(fixed)-1]
	if len(msg) < last.off+last.n {
		t.Fatalf("%q: shorter than its fixed fields", msg)
	}
	fx := map[string]string{}
	for _, f := range fixed {
		fx[f.name] = msg[f.off : f.off+f.n]
	}
	rest := msg[last.off+last.n:]
	var vs [][2]string
	order := 0
	seen := map[string]bool{}
	for rest != "" {
		end := strings.IndexByte(rest, '|')
		if end < 2 {
			t.Fatalf("%q: a variable field not ended by '|': %q", msg, rest)
		}
		id, data := rest[:2], rest[2:end]
		rest = rest[end+1:]
		at := -1
		for i := order; i < len(variable); i++ {
			if strings.TrimSuffix(variable[i], "!") == id {
				at = i
				break
			}
		}
		if at < 0 {
			t.Fatalf("%q: field %s is unknown to the message or out of order", msg, id)
		}
		if id != "AF" && seen[id] {
			t.Fatalf("%q: field %s twice", msg, id)
		}
		order, seen[id] = at, true
		vs = append(vs, [2]string{id, data})
	}
	for _, v := range variable {
		if id, required := strings.CutSuffix(v, "!"); required && !seen[id] {
			t.Errorf("%q: the required field %s is missing", msg, id)
		}
	}
	return fx, vs
}

// field returns the data of the first variable field id of vs.
func field(vs [][2]string, id string) (string, bool) {
	for _, v := range vs {
		if v[0] == id {
			return v[1], true
		}
	}
	return "", false
}

// screen returns the screen message fields of vs joined by sep.
func screen(vs [][2]string, sep string) string {
	var af []string
	for _, v := range vs {
		if v[0] == "AF" {
			af = append(af, v[1])
		}
	}
	return strings.Join(af, sep)
}

// At 10:30 on Friday 2026-04-10 in Japan.
var now = time.Date(2026, 4, 10, 10, 30, 0, 0, calendar.JST())

// sip2Of returns the SIP2 fields of st in l, with the host's fields set.
func sip2Of(st selfcheck.Status, l reason.Lang) selfcheck.SIP2 {
	m := st.SIP2(nil, l)
	m.Institution, m.Patron, m.PersonalName, m.TransactionDate = "HPL", "0123456789", "道立 太郎", now
	return m
}

// write returns the message 24 (info false) or 64 of m, failing t on
// an error.
func write(t *testing.T, m selfcheck.SIP2, info bool) string {
	t.Helper()
	var b []byte
	var err error
	if info {
		b, err = m.AppendPatronInformation([]byte("prefix:"))
	} else {
		b, err = m.AppendPatronStatus([]byte("prefix:"))
	}
	if err != nil {
		t.Fatal(err)
	}
	s, ok := strings.CutPrefix(string(b), "prefix:")
	if !ok {
		t.Fatalf("%q: dst not kept", b)
	}
	return s
}

// S2: each Flag is its position of the patron status field, and the
// field is 14 characters of 'Y' or space.
func TestSIP2FlagPositionsS2(t *testing.T) {
	for _, p := range patronStatusPositions {
		got := selfcheck.Flags(0).With(p.flag).String()
		want := strings.Repeat(" ", p.pos) + "Y" + strings.Repeat(" ", 13-p.pos)
		if got != want || !selfcheck.Flags(0).With(p.flag).Has(p.flag) {
			t.Errorf("position %d (%s): %q, want %q", p.pos, p.meaning, got, want)
		}
	}
	all := selfcheck.Flags(0)
	for _, p := range patronStatusPositions {
		all = all.With(p.flag)
	}
	if all.String() != strings.Repeat("Y", 14) {
		t.Errorf("all: %q", all)
	}
	if got := selfcheck.Flags(0).With(14); got != 0 || got.Has(14) || len(got.String()) != 14 {
		t.Errorf("position 14: %v", got)
	}
}

// S2: the mapping of a patron's standing on the patron status field,
// one case for each position the rules can set, with the counts and
// limits of the Patron Information Response.
func TestSIP2MappingS2(t *testing.T) {
	late := loan("late", "2026-03-20", "2026-04-03")
	extended := loan("e", "2026-04-01", "2026-04-15")
	extended.Extensions = 1
	for _, c := range []struct {
		name   string
		r      selfcheck.Request
		status string // positions 0 to 13
		bl     string
		counts string // hold, overdue, charged, fine, recall, unavailable holds
		limits [3]string
	}{
		{"granted", selfcheck.Request{Registration: registered, Loans: freshLoans(3)},
			"              ", "Y", "000000000003000000000000", [3]string{"0010", "0000", "0010"}},
		{"position 0 and 5: the loan limit", selfcheck.Request{Registration: registered, Loans: freshLoans(10)},
			"Y    Y        ", "Y", "000000000010000000000000", [3]string{"0010", "0000", "0010"}},
		{"position 1 and 6: an overdue item", selfcheck.Request{Registration: registered, Loans: append(freshLoans(1), late)},
			" Y    Y       ", "Y", "000000010002000000000000", [3]string{"0010", "0000", "0010"}},
		{"position 7: a loan extended as often as allowed", selfcheck.Request{Registration: registered, Loans: []circulation.Loan{extended}},
			"       Y      ", "Y", "000000000001000000000000", [3]string{"0010", "0000", "0010"}},
		{"position 3: no email address", selfcheck.Request{Registration: patron.Registration{Status: patron.Registered, PasswordSet: true}},
			"   Y          ", "Y", "000000000000000000000000", [3]string{"0010", "0000", "0010"}},
		{"positions 0, 1, 3: not registered", selfcheck.Request{},
			"YY Y          ", "N", "000000000000000000000000", [3]string{"0010", "0000", "0010"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := sip2Of(evaluate(t, c.r), reason.English)
			for _, info := range []bool{false, true} {
				fixed, variable := patronStatusFixed, patronStatusVariable
				if info {
					fixed, variable = patronInformationFixed, patronInfoVariable
				}
				fx, vs := parse(t, write(t, m, info), fixed, variable)
				if fx["patron status"] != c.status {
					t.Errorf("patron status %q, want %q", fx["patron status"], c.status)
				}
				if bl, _ := field(vs, "BL"); bl != c.bl {
					t.Errorf("BL %q, want %q", bl, c.bl)
				}
				if !info {
					continue
				}
				counts := fx["hold items count"] + fx["overdue items count"] + fx["charged items count"] +
					fx["fine items count"] + fx["recall items count"] + fx["unavailable holds count"]
				if counts != c.counts {
					t.Errorf("counts %q, want %q", counts, c.counts)
				}
				for i, id := range []string{"BZ", "CA", "CB"} {
					if v, _ := field(vs, id); v != c.limits[i] {
						t.Errorf("%s %q, want %q", id, v, c.limits[i])
					}
				}
			}
		})
	}
}

// S2: hold items are the reservations on the hold shelf, unavailable
// holds the other active ones; together they are the count against BZ.
func TestSIP2HoldCountsS2(t *testing.T) {
	st := evaluate(t, selfcheck.Request{Registration: registered, Reservations: reservations(t, 6, 2, 1)})
	fx, _ := parse(t, write(t, sip2Of(st, reason.Japanese), true), patronInformationFixed, patronInfoVariable)
	if fx["hold items count"] != "0002" || fx["unavailable holds count"] != "0003" {
		t.Errorf("hold items %s, unavailable holds %s", fx["hold items count"], fx["unavailable holds count"])
	}
}

// S2: the two responses field by field, as the protocol document lays
// them out.
func TestSIP2LayoutS2(t *testing.T) {
	st := evaluate(t, selfcheck.Request{Registration: registered, Loans: append(freshLoans(9), loan("late", "2026-03-20", "2026-04-03")),
		Reservations: reservations(t, 3, 1, 0)})
	m := sip2Of(st, reason.Japanese)
	// Patron status: charge privileges denied (0) and too many items
	// charged (5), the loan limit (L1); renewal privileges denied (1) and
	// too many items overdue (6), L4 e. Hold privileges are not denied
	// (3 is a space): a patron at the loan limit may reserve (I2
	// [reading]).
	want24 := "24" + // command identifier
		"YY   YY       " + // patron status, positions 0 to 13
		"014" + // language: Japanese
		"20260410    103000" + // transaction date: YYYYMMDD, ZZZZ blank for local time, HHMMSS
		"AOHPL|AA0123456789|AE道立 太郎|BLY|" +
		"AF貸出冊数の上限（10冊）に達しています。返却期限を過ぎた本があるため、延長できません。|"
	if got := write(t, m, false); got != want24 {
		t.Errorf("24:\n got %q\nwant %q", got, want24)
	}
	want64 := "64" + "YY   YY       " + "014" + "20260410    103000" +
		"0001" + // hold items count: on the hold shelf
		"0001" + // overdue items count
		"0010" + // charged items count
		"0000" + // fine items count
		"0000" + // recall items count
		"0002" + // unavailable holds count
		"AOHPL|AA0123456789|AE道立 太郎|" +
		"BZ0010|CA0000|CB0010|BLY|" + // hold, overdue and charged items limits; valid patron
		"AF貸出冊数の上限（10冊）に達しています。返却期限を過ぎた本があるため、延長できません。|"
	if got := write(t, m, true); got != want64 {
		t.Errorf("64:\n got %q\nwant %q", got, want64)
	}
}

// S2: the language field and the transaction date.
func TestSIP2FixedFieldsS2(t *testing.T) {
	st := evaluate(t, selfcheck.Request{Registration: registered})
	for _, c := range []struct {
		lang reason.Lang
		when time.Time
		code string
		date string
	}{
		{reason.Japanese, now, "014", "20260410    103000"},
		{reason.English, now, "001", "20260410    103000"},
		{reason.Lang(""), now, "001", "20260410    103000"}, // messages in English
		{reason.Japanese, now.UTC(), "014", "20260410   Z013000"},
		{reason.English, time.Date(999, 1, 2, 3, 4, 5, 0, time.UTC), "001", "09990102   Z030405"},
	} {
		m := sip2Of(st, c.lang)
		m.TransactionDate = c.when
		for _, info := range []bool{false, true} {
			fixed := patronStatusFixed
			if info {
				fixed = patronInformationFixed
			}
			fx, _ := parse(t, write(t, m, info), fixed, patronInfoVariable)
			if fx["language"] != c.code || fx["transaction date"] != c.date {
				t.Errorf("%q %v: language %q, date %q; want %q, %q", c.lang, c.when, fx["language"], fx["transaction date"], c.code, c.date)
			}
		}
	}
}

// S2: counts and limits are four digits; a count over 9999 is written
// 9999; a negative one, a missing transaction date, and identifiers SIP2
// cannot carry are bad input naming the field, and nothing is written.
func TestSIP2FieldValuesS2(t *testing.T) {
	m := sip2Of(evaluate(t, selfcheck.Request{Registration: registered}), reason.English)
	m.ChargedItems, m.ChargedItemsLimit = 12345, 7
	fx, vs := parse(t, write(t, m, true), patronInformationFixed, patronInfoVariable)
	if fx["charged items count"] != "9999" {
		t.Errorf("charged items count %q", fx["charged items count"])
	}
	if cb, _ := field(vs, "CB"); cb != "0007" {
		t.Errorf("CB %q", cb)
	}
	for _, c := range []struct {
		change func(*selfcheck.SIP2)
		path   string
	}{
		{func(m *selfcheck.SIP2) { m.TransactionDate = time.Time{} }, "transaction_date"},
		{func(m *selfcheck.SIP2) { m.TransactionDate = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "transaction_date"},
		{func(m *selfcheck.SIP2) { m.Patron = "012|345" }, "patron"},
		{func(m *selfcheck.SIP2) { m.Patron = "0123\r" }, "patron"},
		{func(m *selfcheck.SIP2) { m.Institution = strings.Repeat("x", 256) }, "institution"},
		{func(m *selfcheck.SIP2) { m.Institution = "\xff" }, "institution"},
		{func(m *selfcheck.SIP2) { m.HoldItems = -1 }, "hold_items"},
		{func(m *selfcheck.SIP2) { m.UnavailableHolds = -1 }, "unavailable_holds"},
		{func(m *selfcheck.SIP2) { m.OverdueItemsLimit = -1 }, "overdue_items_limit"},
	} {
		bad := m
		c.change(&bad)
		for _, info := range []bool{false, true} {
			var b []byte
			var err error
			if info {
				b, err = bad.AppendPatronInformation([]byte("x"))
			} else {
				b, err = bad.AppendPatronStatus([]byte("x"))
			}
			if string(b) != "x" || !errors.Is(err, reason.ErrBadInput) {
				t.Errorf("%s: %q, %v", c.path, b, err)
				continue
			}
			checkPaths(t, err, c.path)
		}
	}
	// An empty institution id is written as an empty field, as it is
	// required.
	m.Institution = ""
	if _, vs := parse(t, write(t, m, false), patronStatusFixed, patronStatusVariable); !strings.Contains(fmt.Sprint(vs), "[AO ]") {
		t.Errorf("fields %v", vs)
	}
}

// S2: the personal name is free text: '|' and control characters are
// replaced (S4), and it is cut to 255 bytes at a character boundary.
func TestSIP2PersonalNameS2(t *testing.T) {
	m := sip2Of(evaluate(t, selfcheck.Request{Registration: registered}), reason.Japanese)
	m.PersonalName = "道立|太郎\r\n" + strings.Repeat("あ", 100)
	_, vs := parse(t, write(t, m, false), patronStatusFixed, patronStatusVariable)
	ae, _ := field(vs, "AE")
	if !strings.HasPrefix(ae, "道立｜太郎  あ") || len(ae) > 255 || len(ae) < 253 {
		t.Errorf("AE %q (%d bytes)", ae, len(ae))
	}
}

// S2: AY and AZ, the error-detection fields: the sequence number, and
// a checksum that makes the 16-bit sum of the message's bytes zero.
func TestAppendErrorDetectionS2(t *testing.T) {
	m := sip2Of(evaluate(t, selfcheck.Request{Loans: freshLoans(2)}), reason.Japanese)
	for seq := range 10 {
		msg, err := m.AppendPatronInformation(nil)
		if err != nil {
			t.Fatal(err)
		}
		n := len(msg)
		full, err := selfcheck.AppendErrorDetection(msg, seq)
		if err != nil {
			t.Fatal(err)
		}
		tail := string(full[n:])
		if len(tail) != 9 || tail[:2] != "AY" || tail[2] != byte('0'+seq) || tail[3:5] != "AZ" || strings.ToUpper(tail[5:]) != tail[5:] {
			t.Fatalf("%q", tail)
		}
		var sum uint16
		for _, b := range full[:n+5] {
			sum += uint16(b)
		}
		check, err := strconv.ParseUint(tail[5:], 16, 16)
		if err != nil || uint16(check)+sum != 0 {
			t.Errorf("checksum %s: sum %#04x + %#04x is not 0", tail[5:], sum, check)
		}
	}
	// An independent statement of the algorithm on a message of the
	// protocol document's form: the binary sum of the characters through
	// "AZ", negated, as four hex digits.
	msg := []byte("9900302.00")
	full, _ := selfcheck.AppendErrorDetection(msg, 1)
	var sum int
	for _, b := range "9900302.00AY1AZ" {
		sum += int(b)
	}
	if want := fmt.Sprintf("9900302.00AY1AZ%04X", (-sum)&0xFFFF); string(full) != want {
		t.Errorf("%s, want %s", full, want)
	}
	for _, seq := range []int{-1, 10} {
		if b, err := selfcheck.AppendErrorDetection([]byte("x"), seq); string(b) != "x" || !errors.Is(err, reason.ErrBadInput) {
			t.Errorf("sequence %d: %q %v", seq, b, err)
		}
	}
}
