package shipping

import (
	"github.com/kashidashi/kashidashi/internal/reasontest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// R-HD3: the size and weight limits a parcel is over are the refusal's
// limits; a bad measure names its field.
func TestClassifyRHD3LimitAndFieldParams(t *testing.T) {
	_, err := classify(parcel("200", "50", "20", "-1"))
	reasontest.CheckParams(t, err,
		reason.Params{reason.Field("weight")}, reason.Params{reason.Limit(170)})
	_, err = classify(parcel("100", "50", "20.5", "31"))
	reasontest.CheckParams(t, err, reason.Params{reason.Limit(170)}, reason.Params{reason.Limit(30)})
}

// R-HD3: a weight limit that is no whole number of kilograms is no limit
// parameter, and the message reads well without it.
func TestClassifyRHD3FractionalWeightLimitNoParam(t *testing.T) {
	c, err := NewClassifier(Limits{HeavyWeight: dec("30.5")})
	require.NoError(t, err)
	_, err = c.Classify(parcel("10", "10", "10", "31"))
	reasontest.CheckParams(t, err, nil)
	assert.Equal(t, ErrTooHeavy.Message(reason.English), reason.Localize(err, reason.English)[0].Message)
}

// A bad measure in a bundle names the book by its position and the
// measure by its field.
func TestBundleBadMeasurePositionAndFieldParams(t *testing.T) {
	_, err := Packing{}.Bundle(parcel("21", "14.8", "1.5", "0.3"), parcel("21", "0", "1.5", "-0.3"))
	reasontest.CheckParams(t, err,
		reason.Params{reason.Position(2), reason.Field("width")},
		reason.Params{reason.Position(2), reason.Field("weight")})
}
