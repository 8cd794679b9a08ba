package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// ClosedKind's String is its stable code; its names come from Label.
func TestClosedKindStringIsStableCode(t *testing.T) {
	assert.Equal(t, "holiday", HolidayClosure.String())
	assert.Equal(t, "public holiday", HolidayClosure.Label(reason.English))
	assert.Equal(t, "祝日休館", HolidayClosure.Label(reason.Japanese))
	assert.False(t, ClosedKind(0).Valid(), "the zero kind is not closed")
	for k := NamedClosure; k <= MonthEndClosure; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back ClosedKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
}

// C1: a holiday closure reads with its name in either language.
func TestClosedReasonC1LabelAndStableString(t *testing.T) {
	why := ClosedReason{Kind: HolidayClosure, Name: "元日"}
	assert.Equal(t, "holiday:元日", why.String())
	assert.Equal(t, "public holiday (元日)", why.Label(reason.English))
	assert.Equal(t, "祝日休館（元日）", why.Label(reason.Japanese))
	assert.Equal(t, "weekly", ClosedReason{Kind: WeeklyClosure}.String())
	assert.Equal(t, "定期休館日", ClosedReason{Kind: WeeklyClosure}.Label(reason.Japanese))
}
