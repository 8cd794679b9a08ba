package reason_test

import (
	"encoding/json"
	"testing"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// every code can be listed with its parameters and both
// messages, for translators and API documentation.
func TestCatalogueListsCodesParamsMessages(t *testing.T) {
	es := reason.Catalogue([]*reason.Reason{errA, nil}, []*reason.Reason{errPlace})
	require.Len(t, es, 2)
	assert.Equal(t, reason.Entry{Code: "demo.a", Package: "demo", En: "A is wrong.", Ja: "Aが違います。"}, es[0])
	assert.Equal(t, []string{"library", "date"}, es[1].Params)
	b, err := json.Marshal(es[1])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"demo.place","package":"demo","params":["library","date"],
		"en":"Not registered[ at {library}][ since {date}].","ja":"[{library}に]登録がありません[（{date}から）]。"}`, string(b))
	es[1].Params[0] = "changed"
	assert.Equal(t, []string{"library", "date"}, errPlace.Entry().Params, "an Entry is a copy")
}
