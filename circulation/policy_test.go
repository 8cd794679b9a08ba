package circulation

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultPolicy: the numbers of L1, L2, L3, L4 c, H1, and the
// readings L5 and I2.
func TestDefaultPolicy(t *testing.T) {
	p := DefaultPolicy()
	require.NoError(t, p.Validate())
	assert.Equal(t, 15, p.LoanPeriod(Loan{Place: atPrefectural}), "L2")
	assert.Equal(t, 8, p.LoanPeriod(Loan{Place: atAssembly, Short: true}), "L2")
	assert.Equal(t, 30, p.LoanPeriod(Loan{Place: atEbetsu}), "L2")
	assert.Equal(t, 15, p.LoanPeriod(Loan{Place: atHome, Short: true}), "L2")
	assert.Equal(t, 14, p.ExtensionDays, "L3")
	assert.Equal(t, 7, p.ShortExtensionDays, "L3")
	assert.Equal(t, 1, p.MaxExtensions, "L4 c")
	assert.Equal(t, 10, p.MaxLoans, "L1")
	assert.Equal(t, 10, p.MaxReservations, "H1")
	assert.Equal(t, DueDateStands, p.DueOnClosedDay, "L5 reading")
	assert.False(t, p.HideReserveAtLoanLimit, "I2 reading")
}

func TestDefaultPolicyJSON(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"loan_days": 15, "short_loan_days": 8,
		"remote_loan_days": 30, "remote_short_loan_days": 15,
		"extension_days": 14, "short_extension_days": 7,
		"max_extensions": 1, "max_loans": 10, "max_reservations": 10,
		"overridable": ["extension.already_extended", "extension.overdue", "extension.reserved", "loan.limit", "reservation.limit"],
		"due_on_closed_day": "stands", "hide_reserve_at_loan_limit": false}`, string(b))
	p := DefaultPolicy()
	p.DueOnClosedDay = DueDateNextOpenDay
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"due_on_closed_day":"next_open_day"`)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
	assert.Error(t, json.Unmarshal([]byte(`{"due_on_closed_day":"later"}`), &back))
	assert.Error(t, json.Unmarshal([]byte(`{"due_on_closed_day":1}`), &back))
}

// TestValidate names every problem of a policy, at its JSON field.
func TestValidate(t *testing.T) {
	mod := func(f func(*Policy)) Policy { p := DefaultPolicy(); f(&p); return p }
	type problem struct{ path, fragment string }
	for _, c := range []struct {
		name   string
		policy Policy
		want   []problem // in order
	}{
		{"L2 zero loan days", mod(func(p *Policy) { p.LoanDays = 0 }),
			[]problem{{"loan_days", "must be 1 to 366 days (got 0)"}, {"short_loan_days", "(8) must not exceed loan_days (0)"}}},
		{"L2 negative short", mod(func(p *Policy) { p.ShortLoanDays = -1 }),
			[]problem{{"short_loan_days", "must be 1 to 366 days (got -1)"}}},
		{"L2 short longer than normal", mod(func(p *Policy) { p.RemoteShortLoanDays = 31 }),
			[]problem{{"remote_short_loan_days", "(31) must not exceed remote_loan_days (30)"}}},
		{"L2 a period of years", mod(func(p *Policy) { p.RemoteLoanDays = 3000 }),
			[]problem{{"remote_loan_days", "must be 1 to 366 days (got 3000)"}}},
		{"L3 short extension longer", mod(func(p *Policy) { p.ShortExtensionDays = 15 }),
			[]problem{{"short_extension_days", "(15) must not exceed extension_days (14)"}}},
		{"L3 extension shortens a loan", mod(func(p *Policy) { p.ExtensionDays = 10 }),
			[]problem{{"extension_days", "(10) must be at least loan_days-1 (14)"}}},
		{"L3 extension shortens and short one longer", mod(func(p *Policy) { p.ExtensionDays = 6 }),
			[]problem{{"short_extension_days", "(7) must not exceed extension_days (6)"}, {"extension_days", "(6) must be at least loan_days-1 (14)"}}},
		{"L3 short extension shortens a short loan", mod(func(p *Policy) { p.ShortExtensionDays = 6 }),
			[]problem{{"short_extension_days", "(6) must be at least short_loan_days-1 (7)"}}},
		{"L4 c no extensions", mod(func(p *Policy) { p.MaxExtensions = 0 }),
			[]problem{{"max_extensions", "must be at least 1 (got 0)"}}},
		{"L1 negative", mod(func(p *Policy) { p.MaxLoans = -3 }),
			[]problem{{"max_loans", "must be at least 1 (got -3)"}}},
		{"H1 zero", mod(func(p *Policy) { p.MaxReservations = 0 }),
			[]problem{{"max_reservations", "must be at least 1 (got 0)"}}},
		{"L5 unknown rule", mod(func(p *Policy) { p.DueOnClosedDay = 7 }),
			[]problem{{"due_on_closed_day", "unknown rule 7"}}},
		{"overrides unknown codes", mod(func(p *Policy) {
			p.Overridable = codesFrom([]string{"a.first", "extension.reserved", "z.last"})
		}), []problem{{"overridable[0]", `unknown reason code "a.first"`}, {"overridable[2]", `unknown reason code "z.last"`}}},
		{"zero policy", Policy{},
			[]problem{{"loan_days", ""}, {"short_loan_days", ""}, {"remote_loan_days", ""}, {"remote_short_loan_days", ""},
				{"extension_days", ""}, {"short_extension_days", ""}, {"max_extensions", ""}, {"max_loans", ""}, {"max_reservations", ""}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.policy.Validate()
			require.Error(t, err)
			var paths []string
			for _, w := range c.want {
				paths = append(paths, w.path)
			}
			ps := badInput(t, err, paths...)
			assert.True(t, strings.HasPrefix(err.Error(), "bad input: "+c.want[0].path+": "), err.Error())
			for i, w := range c.want {
				assert.Contains(t, ps[i].Message, w.fragment)
			}
		})
	}
}

// FuzzPolicyJSON: decoding and validating any JSON never panics; a valid
// policy re-encodes and decodes equal, and computing with it does not
// panic either.
func FuzzPolicyJSON(f *testing.F) {
	b, _ := json.Marshal(DefaultPolicy())
	f.Add(string(b))
	f.Add(`{}`)
	f.Add(`{"loan_days":-1,"short_loan_days":9223372036854775807,"due_on_closed_day":"next_open_day"}`)
	f.Add(`{"loan_days":1,"short_loan_days":1,"remote_loan_days":1,"remote_short_loan_days":1,"extension_days":1,"short_extension_days":1,"max_extensions":1,"max_loans":1,"max_reservations":1,"due_on_closed_day":"stands","hide_reserve_at_loan_limit":true}`)
	f.Add(`{"due_on_closed_day":""}`)
	f.Add(`{"overridable":["extension.reserved","extension.reserved"]}`)
	f.Add(`{"overridable":["no.such_code"]}`)
	f.Add(`null`)
	f.Add(`{"loan_day":21}`)
	f.Add(`{"due_on_closed_day":"previous_open_day","last_due_date":"2026-04-03"}`)
	f.Add(`{"due_on_closed_day":"end_of_closure","last_due_date":""}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p Policy
		if json.Unmarshal([]byte(s), &p) != nil {
			return
		}
		if !knownKeys(s, "loan_days", "short_loan_days", "remote_loan_days", "remote_short_loan_days",
			"extension_days", "short_extension_days", "max_extensions", "max_loans", "max_reservations",
			"due_on_closed_day", "hide_reserve_at_loan_limit", "overridable", "last_due_date") {
			t.Fatalf("%s decodes with an unknown key", s)
		}
		err := p.Validate()
		loaned := day(t, "2026-04-01")
		for _, m := range allMethods {
			for _, cal := range []*calendar.Calendar{prefecturalCal, nil} {
				due, err := p.DueDate(Loan{Place: Place{Method: m}, Short: true, Loaned: loaned}, cal)
				if err == nil && due.Before(loaned) {
					t.Fatalf("due %v before loaned %v", due, loaned)
				}
			}
		}
		_ = errOf(p.MayReserve(ReserveRequest{Items: []Item{{ID: "b1", Status: OnShelf}}, Loans: 3, Reservations: 3}))
		_ = errOf(p.MayBorrow(BorrowRequest{Loans: 3}))
		_, _ = p.Extend(ExtendRequest{Loan: Loan{Place: Place{Method: PrefecturalLibrary}, Loaned: loaned, Due: loaned}, Today: loaned, ReturnTo: prefecturalCal})
		_, _ = p.ExtensionWindow(ExtendRequest{Loan: Loan{Place: Place{Method: PrefecturalLibrary}, Loaned: loaned, Due: loaned}, Today: loaned, ReturnTo: prefecturalCal})
		if err != nil {
			var ps reason.Problems
			if !errors.Is(err, reason.ErrBadInput) || !errors.As(err, &ps) {
				t.Fatalf("Validate error %v is not reason.Problems", err)
			}
			return
		}
		roundTrip(t, p)
	})
}
