package shipping

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// assertParamsRoundTrip checks that the reasons of err carry want in both
// languages, and that err, a refusal, survives JSON with its codes,
// parameters and messages.
func assertParamsRoundTrip(t *testing.T, err error, want ...reason.Params) {
	t.Helper()
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		ms := reason.Localize(err, l)
		require.Len(t, ms, len(want))
		for i, m := range ms {
			assert.Equal(t, want[i], m.Params, "%s reason %d", l, i)
		}
	}
	var ref *reason.Refusal
	require.True(t, errors.As(err, &ref), "%v is not a refusal", err)
	b, err2 := json.Marshal(ref)
	require.NoError(t, err2)
	var back reason.Refusal
	require.NoError(t, json.Unmarshal(b, &back), "%s", b)
	assert.Equal(t, ref.Error(), back.Error())
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		assert.Equal(t, reason.Localize(err, l), reason.Localize(&back, l), "%s", b)
	}
}

// R-HD3: the size and weight limits a parcel is over are the refusal's
// limits; a bad measure names its field.
func TestClassifyRHD3LimitAndFieldParams(t *testing.T) {
	_, err := classify(parcel("200", "50", "20", "-1"))
	assertParamsRoundTrip(t, err,
		reason.Params{reason.Field("weight")}, reason.Params{reason.Limit(170)})
	_, err = classify(parcel("100", "50", "20.5", "31"))
	assertParamsRoundTrip(t, err, reason.Params{reason.Limit(170)}, reason.Params{reason.Limit(30)})
}

// R-HD3: a weight limit that is no whole number of kilograms is no limit
// parameter, and the message reads well without it.
func TestClassifyRHD3FractionalWeightLimitNoParam(t *testing.T) {
	c, err := NewClassifier(Limits{HeavyWeight: dec("30.5")})
	require.NoError(t, err)
	_, err = c.Classify(parcel("10", "10", "10", "31"))
	assertParamsRoundTrip(t, err, nil)
	assert.Equal(t, ErrTooHeavy.Message(reason.English), reason.Localize(err, reason.English)[0].Message)
}

// A bad measure in a bundle names the book by its position and the
// measure by its field.
func TestBundleBadMeasurePositionAndFieldParams(t *testing.T) {
	_, err := Packing{}.Bundle(parcel("21", "14.8", "1.5", "0.3"), parcel("21", "0", "1.5", "-0.3"))
	assertParamsRoundTrip(t, err,
		reason.Params{reason.Position(2), reason.Field("width")},
		reason.Params{reason.Position(2), reason.Field("weight")})
}
