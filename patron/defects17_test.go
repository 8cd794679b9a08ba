package patron

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// TestDefectEnumCodeWithSpaces (issue 17): a code on the wire is exact:
// one with surrounding spaces is refused, as bad input; the code as it
// is still decodes.
func TestDefectEnumCodeWithSpaces(t *testing.T) {
	for _, s := range []string{`"registered "`, `" provisional"`, `"\u3000unregistered"`} {
		var st RegistrationStatus
		assert.ErrorIs(t, json.Unmarshal([]byte(s), &st), reason.ErrBadInput, "status %s", s)
	}
	for _, s := range []string{`"prefectural_library "`, `" assembly_library"`, `"post\t"`} {
		var k RegistrationPlaceKind
		assert.ErrorIs(t, json.Unmarshal([]byte(s), &k), reason.ErrBadInput, "place kind %s", s)
	}
	var st RegistrationStatus
	require.NoError(t, json.Unmarshal([]byte(`"registered"`), &st))
	assert.Equal(t, Registered, st)
	var k RegistrationPlaceKind
	require.NoError(t, json.Unmarshal([]byte(`"prefectural_library"`), &k))
	assert.Equal(t, RegisterAtPrefecturalLibrary, k)
}
