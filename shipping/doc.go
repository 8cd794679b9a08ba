// Package shipping encodes how the Hokkaido Prefectural Library sends
// loans out of the building: by post to a patron's home, and by courier
// to partner libraries.
//
// Rules (see RULES.md):
//
//   - R-HD3: Classify sorts a Parcel into a Class: Yu-Mail (ゆうメール)
//     when its sides, sorted, fit 34 × 25 × 3 cm and it weighs at most
//     1 kg; otherwise Yu-Pack (ゆうパック) of the size band of the sum of
//     its sides (60 to 170), or heavy Yu-Pack (重量ゆうパック) over 25 kg
//     up to 30 kg. Larger or heavier parcels, and measures that are not
//     positive, are refused with every reason that applies (ErrTooLarge,
//     ErrTooHeavy, ErrBadMeasure). The limits are a policy value, Limits,
//     whose zero value is DefaultLimits; NewClassifier applies others.
//     Bundle (and Packing.Bundle, with an allowance for wrapping) gives the
//     parcel of several books stacked together. ParseParcel reads
//     "34x25x3cm 1kg".
//   - R-HD1: the patron pays postage both ways, outbound cash on delivery
//     (着払い). Tariff.Postage prices a class on a posting date (R-HD2: the
//     day after the ready email) from dated RateTables; Tariff.CashOnDelivery
//     adds the cash-on-delivery fee. SampleTariff holds sample figures that
//     a host must confirm against the Japan Post tariff in force.
//   - R-PT2: the courier to partner libraries runs on Tuesdays and Fridays,
//     not on public holidays nor from December 29 to January 3
//     (CourierRules); Suspend and Move add the library's announcements;
//     Courier.NextDay is the day an item is sent after its ready email.
//   - R-PT3: Courier.Collectable is the first day a partner library can
//     hand the item over: two days after sending, or its next open day.
//
// Every refusal is a *reason.Refusal (package reason) whose reasons are
// sentinels of this package, usable with errors.Is, with a stable code
// and English and Japanese messages; Reasons lists them all.
//
// Decoding is strict: Class, Parcel and RateTable refuse unknown JSON keys
// and any value Classify or NewTariff would not accept (a size for
// Yu-Mail, a negative measure, a measure beyond MaxScale, rates that do
// not ascend). Parcel.Sides, like Classify, refuses a side beyond
// MaxScale. Input quoted into an error is cut to text.MaxQuoted
// characters.
//
// Lengths are in centimetres, weights in kilograms and money in yen, all
// as decimal.Decimal, compared exactly: 34 cm is Yu-Mail, 34.01 is not.
// The package does no I/O and keeps no mutable state; Classifier, Tariff
// and Courier values are immutable and safe for concurrent use.
package shipping
