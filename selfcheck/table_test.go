package selfcheck_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
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
