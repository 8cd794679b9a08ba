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
	// ErrParcelSyntax reports text that ParseParcel cannot read. A finer
	// reason follows it in the refusal, saying what is wrong.
	ErrParcelSyntax = reason.New(pkg, "parcel.syntax",
		"Write a parcel as length x width x thickness in centimetres and its weight, such as 34x25x3cm 1kg.",
		"荷物は「縦x横x厚さcm 重さkg」の形で書いてください（例：34x25x3cm 1kg）。")
)

// The finer reasons that follow ErrParcelSyntax, matched by their code.
var (
	// errParcelTooLong: text longer than ParseParcel reads, its limit.
	errParcelTooLong = reason.New(pkg, "parcel.too_long",
		"The text is too long[: at most {limit} characters].",
		"入力が長すぎます[（{limit}文字まで）]。")
	// errParcelParts: not two parts, the sides and the weight.
	errParcelParts = reason.New(pkg, "parcel.parts",
		"Separate the sides from the weight with a space.",
		"寸法と重さを空白で区切ってください。")
	// errParcelSides: not three sides.
	errParcelSides = reason.New(pkg, "parcel.sides",
		"Write three sides, such as 34x25x3cm.",
		"寸法は 34x25x3cm のように3辺を書いてください。")
	// errParcelUnit: a weight without kg or g.
	errParcelUnit = reason.New(pkg, "parcel.weight_unit",
		"Give the weight a unit, kg or g.",
		"重さには単位 kg か g を付けてください。")
	// errParcelNumber: a measure that is not a plain decimal, its field
	// the measure's JSON name ("length", ..., "weight").
	errParcelNumber = reason.New(pkg, "parcel.number",
		"Each measure is a number such as 21 or 21.5[; check the {field}].",
		"寸法と重さは 21、21.5 のような数値で書いてください[（確認する項目：{field}）]。")
	// errParcelDecimals: a measure with more decimal places than its
	// limit, its field the measure's JSON name.
	errParcelDecimals = reason.New(pkg, "parcel.decimals",
		"A measure has too many decimal places[ (at most {limit})][; check the {field}].",
		"小数の桁数が多すぎます[（{limit}桁まで）][（確認する項目：{field}）]。")
)

// ErrNoRate reports that the tariff has no rate for the parcel (R-HD1):
// no table in force on the posting date, or a table without the rate: a
// destination zone or size it does not list, a Yu-Mail weight above its
// last step, or a fee it does not supply. A finer reason follows it in
// the refusal, saying which, with the effective date of the table.
var ErrNoRate = reason.New(pkg, "postage.no_rate",
	"The postage tariff has no rate for this parcel on the posting date.",
	"発送日の運賃表にこの荷物の運賃がありません。")

// The finer reasons that follow ErrNoRate, matched by their code. The
// date of each is the effective date of the table in force, except for
// errNoTable, whose date is that of the first table.
var (
	errNoTable = reason.New(pkg, "postage.no_table",
		"No rate table is in force on the posting date[: the first takes effect on {date}].",
		"発送日に有効な運賃表がありません[（最初の運賃表は{date}から）]。")
	errNoYuMailStep = reason.New(pkg, "postage.no_yu_mail_step",
		"The rate table[ in force from {date}] has no Yu-Mail rate for this weight.",
		"[{date}からの]運賃表に、この重さのゆうメール運賃がありません。")
	// errNoYuPackZone: its field is the zone.
	errNoYuPackZone = reason.New(pkg, "postage.no_yu_pack_zone",
		"The rate table[ in force from {date}] has no Yu-Pack rates[ to zone {field}].",
		"[{date}からの]運賃表に[{field}宛の]ゆうパック運賃がありません。")
	// errNoYuPackSize: its field is the zone, its limit the size band.
	errNoYuPackSize = reason.New(pkg, "postage.no_yu_pack_size",
		"The rate table[ in force from {date}] has no Yu-Pack rate[ of size {limit}][ to zone {field}].",
		"[{date}からの]運賃表に[{field}宛の]ゆうパック[{limit}サイズの]運賃がありません。")
	errNoHeavySurcharge = reason.New(pkg, "postage.no_heavy_surcharge",
		"The rate table[ in force from {date}] has no heavy Yu-Pack surcharge.",
		"[{date}からの]運賃表に重量ゆうパックの加算額の記載がありません。")
	errNoCODFee = reason.New(pkg, "postage.no_cod_fee",
		"The rate table[ in force from {date}] has no cash-on-delivery fee.",
		"[{date}からの]運賃表に着払い手数料の記載がありません。")
)

// Reasons returns every reason of the package, exported or not, so that
// hosts can match any of them by its stable code, for catalogues and
// translation checks. The slice is new on each call.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrBadMeasure, ErrTooLarge, ErrTooHeavy, ErrEmptyBundle, ErrParcelSyntax,
		errParcelTooLong, errParcelParts, errParcelSides, errParcelUnit,
		errParcelNumber, errParcelDecimals,
		ErrNoRate, errNoTable, errNoYuMailStep, errNoYuPackZone, errNoYuPackSize,
		errNoHeavySurcharge, errNoCODFee,
	}
}
