package selfcheck_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// V7, L4 c: each loan's extension is decided under the loan's own
// policy from the library's table: a Hokkaido-collection loan extended
// once may be extended again under its row (two extensions), a general
// one may not (the base's one).
func TestV7EachLoanUnderItsOwnPolicy(t *testing.T) {
	c := library.Default().Config()
	for i, r := range c.Policies.Rules {
		if r.Match == (library.Criteria{Collection: "hokkaido"}) {
			c.Policies.Rules[i].Circulation = json.RawMessage(`{"max_extensions": 2}`)
		}
	}
	lib, err := library.New(c)
	require.NoError(t, err)
	general := loan("g", "2026-04-01", "2026-04-15")
	general.Extensions = 1
	hokkaido := general
	hokkaido.Item, hokkaido.Collection = "h", circulation.Hokkaido
	st, err := selfcheck.Evaluate(lib, selfcheck.Request{Today: today, Loans: []circulation.Loan{general, hokkaido},
		Registration: patron.Registration{Status: patron.Registered, PasswordSet: true, EmailRegistered: true}})
	require.NoError(t, err)
	require.Len(t, st.Loans, 2)
	assert.ErrorIs(t, st.Loans[0].Refusal, circulation.ErrAlreadyExtended, "the base allows one extension")
	assert.Nil(t, st.Loans[1].Refusal, "the Hokkaido row allows two")
	assert.Equal(t, 2, st.Loans[1].Extended.Extensions)
}

// V7, L1, H1, S2: a student's limits are the student rows': three
// loans, two reservations, counted in Status and sent as SIP2's CB and
// BZ; a loan naming no category is extended as the student's (two
// extensions), and a category out of form is bad input.
func TestV7PatronCategoryLimits(t *testing.T) {
	c := library.Default().Config()
	c.Policies.Rules = append(c.Policies.Rules, library.Rule{Match: library.Criteria{PatronCategory: "student"},
		Circulation: json.RawMessage(`{"max_loans": 3, "max_reservations": 2, "max_extensions": 2}`)})
	lib, err := library.New(c)
	require.NoError(t, err)
	loans := freshLoans(3)
	loans[0].Extensions = 1
	req := selfcheck.Request{Today: today, Loans: loans, PatronCategory: "student",
		Registration: patron.Registration{Status: patron.Registered, PasswordSet: true, EmailRegistered: true}}
	st, err := selfcheck.Evaluate(lib, req)
	require.NoError(t, err)
	assert.Equal(t, 3, st.Counts.MaxLoans)
	assert.Equal(t, 2, st.Counts.MaxReservations)
	assert.ErrorIs(t, st.Borrow, circulation.ErrLoanLimit)
	assert.Nil(t, st.Loans[0].Refusal, "extended once, a student may extend again")
	sip := st.SIP2(nil, reason.English)
	assert.Equal(t, 3, sip.ChargedItemsLimit)

	req.PatronCategory = ""
	st, err = selfcheck.Evaluate(lib, req)
	require.NoError(t, err)
	assert.Equal(t, 10, st.Counts.MaxLoans, "no category: the base")
	assert.Nil(t, st.Borrow)
	assert.ErrorIs(t, st.Loans[0].Refusal, circulation.ErrAlreadyExtended)

	req.PatronCategory = "student "
	_, err = selfcheck.Evaluate(lib, req)
	require.ErrorIs(t, err, reason.ErrBadInput)
	assert.Contains(t, err.Error(), "patron_category")
}
