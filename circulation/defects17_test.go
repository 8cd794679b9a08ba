package circulation

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// The defects of issue 17's second review that concern package
// circulation, each named after the defect.

// TestDefectStructuralReasonsNeverSoft: a policy may make soft only the
// reasons that are safe to waive (Waivable): the limits (L1, H1) and the
// extension reasons that are the library's own policy (L4 b, c, e).
// Naming any other reason of the package in Overridable — what the
// route or another library's terms decide (L4 a, d, L2), an item never
// lent (I1), a return — fails Validate at its index, and a decision
// given an override under such a policy is bad input, not a waiver.
func TestDefectStructuralReasonsNeverSoft(t *testing.T) {
	assert.Equal(t, []string{"extension.already_extended", "extension.overdue", "extension.reserved", "loan.limit", "reservation.limit"},
		Waivable().List())
	p := DefaultPolicy()
	p.Overridable = Waivable()
	require.NoError(t, p.Validate(), "every waivable reason may be soft")
	for _, r := range Reasons() {
		if Waivable().Has(r.Code()) {
			continue
		}
		t.Run(r.Code(), func(t *testing.T) {
			p := DefaultPolicy()
			p.Overridable = CodesOf(r)
			ps := badInput(t, p.Validate(), "overridable[0]")
			assert.Contains(t, ps[0].Message, r.Code())
		})
	}
	p = DefaultPolicy()
	p.Overridable = CodesOf(ErrReserved, ErrPartnerPickup, ErrNotLoanable)
	badInput(t, p.Validate(), "overridable[0]", "overridable[2]") // sorted: extension.partner_library, extension.reserved, reservation.not_loanable

	partner := Loan{Item: "b", Place: atEbetsu, Loaned: day(t, "2026-04-01"), Due: day(t, "2026-04-30")}
	p = DefaultPolicy()
	p.Overridable = p.Overridable.Union(CodesOf(ErrPartnerPickup))
	_, err := p.Extend(ExtendRequest{Loan: partner, Today: day(t, "2026-04-10"), Override: staff(ErrPartnerPickup)})
	badInput(t, err, "policy.overridable[2]") // sorted: already_extended, overdue, partner_library, ...
	_, err = p.Extend(ExtendRequest{Loan: partner, Today: day(t, "2026-04-10")})
	assert.Equal(t, []string{ErrPartnerPickup.Code()}, codes(t, err), "without an override the policy's soft set is not read")
	p.Overridable = Waivable()
	_, err = p.MayBorrow(BorrowRequest{Loans: 10, Override: staff(ErrLoanLimit)})
	require.NoError(t, err)
}

// TestDefectOverrideInvisibleStaffName: a staff name made only of
// characters nobody sees — zero-width and format characters, bidi marks,
// spaces of every kind, fillers, combining marks alone — names nobody:
// it is missing, as an empty one is, and matches ErrNotStaff.
func TestDefectOverrideInvisibleStaffName(t *testing.T) {
	for _, name := range []string{
		"\u200b", "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066\u2069", "\u061c",
		"\u200b\u3000\u00a0", "\u00ad", "\u2060", "\u180e", "\u3164", "\u115f", "\uffa0",
		"\u2800", "\u034f", "\ufe0f", "\u0301", "\U000e0041", "\u2028", "\u205f",
	} {
		ov := Override{Staff: name, Codes: CodesOf(ErrReserved)}
		err := ov.Validate()
		assert.ErrorIs(t, err, ErrNotStaff, "%+q", name)
		badInput(t, err, "staff")
		var back Override
		b, _ := json.Marshal(map[string]any{"staff": name, "codes": []string{"extension.reserved"}})
		assert.ErrorIs(t, json.Unmarshal(b, &back), ErrNotStaff, "decoded %+q", name)
	}
	for _, name := range []string{"k.sato", "佐藤", "ｓａｔｏ", "\u200bk.sato", "O'Brien", "é", "7", "ー"} {
		assert.NoError(t, Override{Staff: name, Codes: CodesOf(ErrReserved)}.Validate(), "%+q", name)
	}
}

// TestDefectReturnAfterYear9999InJapan: a return whose instant falls
// after 9999-12-31 in Japan has no day the package can name: bad input
// at "when", not a receipt with a zero day. The last instant of
// 9999-12-31 in Japan is still a day.
func TestDefectReturnAfterYear9999InJapan(t *testing.T) {
	loan := Loan{Item: "b1", Place: atEbetsu, Loaned: day(t, "9999-12-01"), Due: day(t, "9999-12-31")}
	for _, when := range []time.Time{
		time.Date(9999, 12, 31, 15, 0, 0, 0, time.UTC), // 10000-01-01 00:00 in Japan
		time.Date(10000, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		got, err := desk.Accept(Return{Loan: loan, At: atEbetsu, Channel: Counter, When: when})
		badInput(t, err, "when")
		assert.Equal(t, ReturnReceipt{}, got)
	}
	early := Loan{Item: "b1", Place: atEbetsu, Loaned: day(t, "0001-01-01"), Due: day(t, "0001-01-31")}
	_, err := desk.Accept(Return{Loan: early, At: atEbetsu, Channel: Counter, When: time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)})
	badInput(t, err, "when")

	got, err := desk.Accept(Return{Loan: loan, At: atEbetsu, Channel: Counter, When: time.Date(9999, 12, 31, 14, 59, 59, 0, time.UTC)})
	require.NoError(t, err)
	assert.Equal(t, "9999-12-31", got.Returned.String())
}

// TestDefectEnumCodeWithSpaces: a code on the wire is exact: one with
// surrounding spaces is refused, as bad input (internal/enum,
// UnmarshalText); the code or a label as it is still decodes.
func TestDefectEnumCodeWithSpaces(t *testing.T) {
	for _, s := range []string{`"prefectural_library "`, `" prefectural_library"`, `"\u3000partner_library"`, `"home_delivery\n"`} {
		var m Method
		err := json.Unmarshal([]byte(s), &m)
		assert.ErrorIs(t, err, reason.ErrBadInput, "method %s", s)
	}
	for _, s := range []string{`" counter"`, `"post "`} { // codes that are also English labels
		var c ReturnChannel
		assert.ErrorIs(t, json.Unmarshal([]byte(s), &c), reason.ErrBadInput, "channel %s", s)
	}
	var st Status
	assert.ErrorIs(t, json.Unmarshal([]byte(`"on_loan "`), &st), reason.ErrBadInput)
	var p Place
	err := json.Unmarshal([]byte(`{"method":"prefectural_library "}`), &p)
	assert.True(t, errors.Is(err, reason.ErrBadInput), "place: %v", err)

	var m Method
	require.NoError(t, json.Unmarshal([]byte(`"prefectural_library"`), &m))
	assert.Equal(t, PrefecturalLibrary, m)
	require.NoError(t, json.Unmarshal([]byte(`"道立図書館"`), &m), "a label")
	assert.Equal(t, PrefecturalLibrary, m)
	require.NoError(t, json.Unmarshal([]byte(`"Assembly Library"`), &m))
	assert.Equal(t, AssemblyLibrary, m)
}
