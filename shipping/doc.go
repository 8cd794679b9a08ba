// Package shipping encodes how the Hokkaido Prefectural Library sends
// loans out of the building: by post to a patron's home, and by courier
// to partner libraries.
//
// The rules are catalogued in docs/rules.md of the module's repository:
//
//   - R-HD3: Classifier.Classify sorts a Parcel into a Class: Yu-Mail (ゆうメール)
//     when its sides, sorted, fit 34 × 25 × 3 cm and it weighs at most
//     1 kg; otherwise Yu-Pack (ゆうパック) of the size band of the sum of
//     its sides (60 to 170), or heavy Yu-Pack (重量ゆうパック) over 25 kg
//     up to 30 kg. Larger or heavier parcels, and measures that are not
//     positive, are refused with every reason that applies (ErrTooLarge,
//     ErrTooHeavy, ErrBadMeasure). The limits are a policy value, Limits,
//     whose zero value holds the defaults; NewClassifier compiles them.
//     Packing.Bundle (Packing{} for no allowance for wrapping) gives the
//     parcel of several books stacked together. ParseParcel reads
//     "34x25x3cm 1kg".
//   - R-HD1: the patron pays postage both ways, outbound cash on delivery
//     (着払い). Tariff.Postage prices a class on a posting date (R-HD2: the
//     day after the ready email) from dated RateTables; Tariff.CashOnDelivery
//     adds the cash-on-delivery fee. SampleTariff holds sample figures that
//     a host must confirm against the Japan Post tariff in force.
//   - R-PT2: the courier to partner libraries runs on Tuesdays and Fridays,
//     not on public holidays nor from December 29 to January 3: the
//     Prefectural Library's courier rules are in the configuration of
//     package library (library.Default()), as a calendar.Rules;
//     calendar.Rules.SkipDay and calendar.Rules.MoveDay add the library's
//     announcements, and NewCourier compiles the result; Courier.NextDay
//     is the day an item is sent after its ready email.
//   - R-PT3: Courier.Collectable is the first day a partner library can
//     hand the item over: two days after sending, or its next open day.
//
// Every refusal is a *reason.Refusal (package reason) whose reasons have
// a stable code and English and Japanese messages; Reasons lists them
// all. The reasons a caller branches on are exported sentinels, usable
// with errors.Is; ErrParcelSyntax and ErrNoRate are each followed by a
// finer reason saying what is wrong (parcel.weight_unit,
// postage.no_yu_pack_zone, ...), matched by its code.
//
// Input data the package cannot use, as opposed to a parcel it refuses,
// is bad input: limits, packing allowances or rate tables that contradict
// themselves, a class Classifier.Classify never returns, and JSON that
// does not decode. Its error is a reason.Problems matching
// reason.ErrBadInput, each problem naming the field at fault
// ("[1].yu_mail[0].up_to", "sizes[2]", "packing.weight"); the text of an
// unknown Service names none. Decoding is strict: Class and RateTable
// refuse unknown JSON keys and any value Classifier.Classify or NewTariff
// would not accept (a size for Yu-Mail, rates that do not ascend), and
// Parcel unknown keys and, with ErrBadMeasure, a negative or implausible
// measure. Input quoted into an error is cut short.
//
// The zero values work: the zero Classifier classifies by the default
// Limits, the zero Courier has no courier days, and the zero Tariff no
// table (ErrNoRate).
//
// Service's String is its stable code ("yu_pack"), and Class's its code
// and size band ("yu_pack:60"); Label gives the English or Japanese name,
// as does Zone.Label.
//
// Lengths are in centimetres, weights in kilograms and money in yen, all
// as decimal.Decimal, compared exactly: 34 cm is Yu-Mail, 34.01 is not.
// The package does no I/O and keeps no mutable state; Classifier, Tariff
// and Courier values are immutable and safe for concurrent use.
package shipping
