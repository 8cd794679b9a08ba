package shipping

import "github.com/kashidashi/kashidashi/reason"

// pkg prefixes every error string and reason of this package.
const pkg = "shipping"

// Reasons why a parcel cannot be classified (R-HD3) or bundled.
var (
	// ErrBadMeasure reports a side or weight that is zero, negative, or not
	// a plausible measure (more than 30 decimal places, or a power of
	// ten beyond it). Each offending measure is one reason, its field the
	// Parcel's JSON name ("length", "width", "thickness", "weight") and,
	// in a bundle, its position the 1-based number of the book.
	ErrBadMeasure = reason.New(pkg, "parcel.bad_measure",
		"Every measure of a parcel must be a positive number of centimetres or kilograms[ (book {position})][; check the {field}].",
		"荷物の寸法（cm）と重さ（kg）はすべて正の数で指定してください[（{position}冊目）][（確認する項目：{field}）]。")
	// ErrTooLarge reports a parcel whose three sides sum to more than the
	// largest Yu-Pack size (170 cm by default), its limit.
	ErrTooLarge = reason.New(pkg, "parcel.too_large",
		"The parcel is too large to post as Yu-Pack[: the three sides may sum to at most {limit} cm].",
		"荷物がゆうパックで送れる大きさを超えています[（3辺の合計は{limit}cmまで）]。")
	// ErrTooHeavy reports a parcel heavier than heavy Yu-Pack takes (30 kg
	// by default), its limit when a whole number of kilograms.
	ErrTooHeavy = reason.New(pkg, "parcel.too_heavy",
		"The parcel is too heavy to post as Yu-Pack[: at most {limit} kg].",
		"荷物がゆうパックで送れる重さを超えています[（{limit}kgまで）]。")
	// ErrEmptyBundle reports a bundle of no books.
	ErrEmptyBundle = reason.New(pkg, "bundle.empty",
		"A parcel needs at least one book.",
		"同梱する資料が1冊もありません。")
	// ErrParcelSyntax reports text that ParseParcel cannot read.
	ErrParcelSyntax = reason.New(pkg, "parcel.syntax",
		"Write a parcel as length x width x thickness in centimetres and its weight, such as 34x25x3cm 1kg.",
		"荷物は「縦x横x厚さcm 重さkg」の形で書いてください（例：34x25x3cm 1kg）。")
)

// ErrNoRate reports that the tariff has no rate for the parcel (R-HD1):
// no table in force on the posting date, or a table without the rate: a
// destination zone or size it does not list, a Yu-Mail weight above its
// last step, or a fee it does not supply. Its detail says which.
var ErrNoRate = reason.New(pkg, "postage.no_rate",
	"The postage tariff has no rate for this parcel on the posting date.",
	"発送日の運賃表にこの荷物の運賃がありません。")

// Reasons returns every sentinel reason of the package, for catalogues
// and translation checks.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrBadMeasure, ErrTooLarge, ErrTooHeavy, ErrEmptyBundle, ErrParcelSyntax,
		ErrNoRate,
	}
}
