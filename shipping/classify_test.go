package shipping

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

var (
	yuMail = Class{Service: YuMail}
	pack   = func(size int) Class { return Class{Service: YuPack, Size: size} }
	heavy  = func(size int) Class { return Class{Service: HeavyYuPack, Size: size} }
)

func TestClassifyRHD3(t *testing.T) {
	for _, c := range []struct {
		name  string
		p     Parcel
		want  Class
		codes []string
	}{
		{"R-HD3 34x25x3 1kg is Yu-Mail", parcel("34", "25", "3", "1"), yuMail, nil},
		{"R-HD3 any orientation", parcel("3", "34", "25", "1"), yuMail, nil},
		{"R-HD3 trailing zeros", parcel("34.000", "25.00", "3.0", "1.000"), yuMail, nil},
		{"R-HD3 a paperback", parcel("15", "10.5", "1.5", "0.2"), yuMail, nil},
		{"R-HD3 longest 34.01", parcel("34.01", "25", "3", "1"), pack(80), nil},
		{"R-HD3 middle 25.01", parcel("34", "25.01", "3", "1"), pack(80), nil},
		{"R-HD3 thickness 3.01", parcel("34", "25", "3.01", "1"), pack(80), nil},
		{"R-HD3 weight 1.001 kg", parcel("34", "25", "3", "1.001"), pack(80), nil},
		{"R-HD3 middle over 25, sum under 60", parcel("30", "26", "2", "0.5"), pack(60), nil},
		{"R-HD3 longest over 34, sum under 60", parcel("35", "20", "2", "0.5"), pack(60), nil},
		{"size 60 at 60 cm", parcel("30", "20", "10", "2"), pack(60), nil},
		{"size 80 at 60.01 cm", parcel("30.01", "20", "10", "2"), pack(80), nil},
		{"size 160 at 160 cm", parcel("100", "40", "20", "5"), pack(160), nil},
		{"size 170 at 160.01 cm", parcel("100", "40.01", "20", "5"), pack(170), nil},
		{"size 170 at 170 cm", parcel("100", "50", "20", "5"), pack(170), nil},
		{"too large at 170.01 cm", parcel("100.01", "50", "20", "5"), Class{}, []string{"parcel.too_large"}},
		{"Yu-Pack at 25 kg", parcel("40", "30", "20", "25"), pack(100), nil},
		{"heavy at 25.01 kg", parcel("40", "30", "20", "25.01"), heavy(100), nil},
		{"heavy at 30 kg, size by sides", parcel("20", "20", "10", "30"), heavy(60), nil},
		{"too heavy at 30.01 kg", parcel("40", "30", "20", "30.01"), Class{}, []string{"parcel.too_heavy"}},
		{"heavy Yu-Mail-sized is not Yu-Mail", parcel("34", "25", "3", "26"), heavy(80), nil},
		{"too large and too heavy", parcel("200", "50", "20", "31"), Class{}, []string{"parcel.too_large", "parcel.too_heavy"}},
		{"zero side", parcel("0", "25", "3", "1"), Class{}, []string{"parcel.bad_measure"}},
		{"negative weight and too large", parcel("200", "50", "20", "-1"), Class{}, []string{"parcel.bad_measure", "parcel.too_large"}},
		{"negative side and too heavy", parcel("-1", "25", "3", "31"), Class{}, []string{"parcel.bad_measure", "parcel.too_heavy"}},
		{"zero parcel", Parcel{}, Class{}, []string{"parcel.bad_measure", "parcel.bad_measure", "parcel.bad_measure", "parcel.bad_measure"}},
		{"beyond maxScale, tiny", Parcel{Length: decimal.New(1, -31), Width: dec("1"), Thickness: dec("1"), Weight: dec("1")}, Class{}, []string{"parcel.bad_measure"}},
		{"beyond maxScale, huge", Parcel{Length: decimal.New(1, 999999999), Width: dec("1"), Thickness: dec("1"), Weight: dec("1")}, Class{}, []string{"parcel.bad_measure"}},
		{"many decimal places", parcel("33.99999999999999999999", "25", "3", "1"), yuMail, nil},
		{"many decimal places over", parcel("34.00000000000000000001", "25", "3", "1"), pack(80), nil},
		{"huge but plausible", Parcel{Length: decimal.New(1, 30), Width: dec("1"), Thickness: dec("1"), Weight: dec("1")}, Class{}, []string{"parcel.too_large"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := classify(c.p)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.codes, codes(err))
			if err != nil {
				assert.True(t, isCoded(err))
			}
		})
	}
}

func TestClassifyRefusalDetailsRHD3(t *testing.T) {
	_, err := classify(parcel("200", "50", "20", "-1"))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrBadMeasure)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.NotErrorIs(t, err, ErrTooHeavy)
	assert.Equal(t, "shipping: parcel refused: parcel.bad_measure, parcel.too_large", err.Error())
	assert.Equal(t, "Every measure of a parcel must be a positive number of centimetres or kilograms; check the weight.; "+
		"The parcel is too large to post as Yu-Pack: the three sides may sum to at most 170 cm.", english(err))
	ja := japanese(err)
	assert.Equal(t, []string{
		"荷物の寸法（cm）と重さ（kg）はすべて正の数で指定してください（確認する項目：weight）。",
		"荷物がゆうパックで送れる大きさを超えています（3辺の合計は170cmまで）。",
	}, ja)

	_, err = classify(Parcel{Length: decimal.New(1, -40), Width: dec("1"), Thickness: dec("1"), Weight: dec("1")})
	assert.Contains(t, english(err), "check the length.")
}

func TestClassifierLimitsRHD3(t *testing.T) {
	// The zero Limits are the defaults.
	c, err := NewClassifier(Limits{})
	require.NoError(t, err)
	l := c.Limits()
	d := defaultLimits()
	assert.Equal(t, d.Sizes, l.Sizes)
	for i := range d.YuMail {
		assert.True(t, d.YuMail[i].Equal(l.YuMail[i]))
	}
	assert.True(t, l.HeavyWeight.Equal(dec("30")))

	// Limits returns a copy.
	l.Sizes[0] = 1
	assert.Equal(t, 60, c.Limits().Sizes[0])

	// No heavy Yu-Pack: HeavyWeight = YuPackWeight.
	noHeavy, err := NewClassifier(Limits{HeavyWeight: dec("25")})
	require.NoError(t, err)
	_, err = noHeavy.Classify(parcel("40", "30", "20", "25.01"))
	assert.ErrorIs(t, err, ErrTooHeavy)

	// A caller's slice is copied.
	sizes := []int{60, 100}
	two, err := NewClassifier(Limits{Sizes: sizes})
	require.NoError(t, err)
	sizes[1] = 1000
	got, err := two.Classify(parcel("40", "30", "20", "2"))
	assert.NoError(t, err)
	assert.Equal(t, pack(100), got)
	_, err = two.Classify(parcel("50", "30", "21", "2"))
	assert.ErrorIs(t, err, ErrTooLarge)

	// Limits off the millionth grid still classify, exactly.
	fine, err := NewClassifier(Limits{YuMailWeight: dec("0.0000001")})
	require.NoError(t, err)
	assert.Nil(t, fine.fast)
	got, err = fine.Classify(parcel("34", "25", "3", "0.0000001"))
	assert.NoError(t, err)
	assert.Equal(t, yuMail, got)
	got, err = fine.Classify(parcel("34", "25", "3", "0.00000011"))
	assert.NoError(t, err)
	assert.Equal(t, pack(80), got)

	for name, tt := range map[string]struct {
		l    Limits
		path string
	}{
		"negative":           {Limits{YuMailWeight: dec("-1")}, "yu_mail_weight"},
		"mail not longest 1": {Limits{YuMail: [3]decimal.Decimal{dec("20")}}, "yu_mail"},
		"sizes descending":   {Limits{Sizes: []int{80, 60}}, "sizes[1]"},
		"sizes repeat":       {Limits{Sizes: []int{60, 60}}, "sizes[1]"},
		"size zero":          {Limits{Sizes: []int{0, 60}}, "sizes[0]"},
		"heavy under pack":   {Limits{HeavyWeight: dec("20")}, "heavy_weight"},
		"mail over pack":     {Limits{YuMailWeight: dec("26")}, "yu_pack_weight"},
		"implausible":        {Limits{YuPackWeight: decimal.New(1, -40)}, "yu_pack_weight"},
	} {
		_, err := NewClassifier(tt.l)
		assert.ErrorIs(t, err, reason.ErrBadInput, name)
		assert.False(t, isCoded(err), name)
		var ps reason.Problems
		if assert.ErrorAs(t, err, &ps, name) {
			assert.Equal(t, tt.path, ps[0].Path, name)
		}
	}
}

func TestClassifyFastPathMatchesExactRHD3(t *testing.T) {
	c := defaultClassifier
	require.NotNil(t, c.fast)
	for _, p := range []Parcel{
		parcel("34", "25", "3", "1"),
		parcel("34.000001", "25", "3", "1"),
		parcel("999999999999.999999", "1", "1", "1"),
		parcel("1000000000000", "1", "1", "1"),
		parcel("-3", "0", "0.0000001", "1"),
	} {
		if m, ok := p.micros(); ok {
			assert.Equal(t, judgeExact(c.exact, p), judge(c.fast, m), p.String())
		}
	}
}

func TestToMicro(t *testing.T) {
	for _, c := range []struct {
		in   decimal.Decimal
		want micro
		ok   bool
	}{
		{dec("34"), 34_000_000, true},
		{dec("0.000001"), 1, true},
		{dec("0.0000001"), 0, false},
		{dec("0.00000100"), 0, false}, // exponent -8: left to the exact path
		{dec("-2.5"), -2_500_000, true},
		{dec("999999999999.999999"), 999_999_999_999_999_999, true},
		{dec("1000000000000"), 0, false},
		{decimal.New(1, 11), 100_000_000_000_000_000, true},
		{decimal.New(1, 12), 0, false},
		{decimal.New(99, 10), 990_000_000_000_000_000, true},
		{decimal.New(100, 10), 0, false},
		{dec("-999999999999.999999"), -999_999_999_999_999_999, true},
		{decimal.Decimal{}, 0, true},
		{dec("123456789012345678901234567890"), 0, false},
	} {
		got, ok := toMicro(c.in)
		assert.Equal(t, c.ok, ok, c.in.String())
		if ok {
			assert.Equal(t, c.want, got, c.in.String())
		}
	}
}

func TestParcelSides(t *testing.T) {
	l, m, s, err := parcel("3", "34", "25", "1").Sides()
	require.NoError(t, err)
	got := []string{l.String(), m.String(), s.String()}
	assert.Equal(t, []string{"34", "25", "3"}, got)
}

// Defect: Sides compared sides of any scale, so 1e-999999999 cm against
// 1e999999999 cm built a two-billion-digit number; now it refuses them,
// as Classify does (maxScale).
func TestParcelSidesScaleGuardMaxScale(t *testing.T) {
	p := parcel("1e999999999", "-1e-999999999", "3", "1")
	_, _, _, err := p.Sides()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrBadMeasure)
	assert.Len(t, reason.Localize(err, reason.English), 2)
	_, _, _, err = parcel("1e30", "1e-30", "3", "1e999999999").Sides()
	assert.NoError(t, err, "the weight is not a side")
}

func TestClassifyErrorsAreRefusals(t *testing.T) {
	_, err := classify(Parcel{})
	var target interface{ Unwrap() []error }
	assert.True(t, errors.As(err, &target))
}
