package selfcheck

import (
	"strconv"
	"time"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// Flag is a position of the patron status field of SIP2, the 14-character
// fixed-length field that follows the command identifier in the Patron
// Status Response (24) and the Patron Information Response (64): each
// position holds 'Y' when its condition is true and a space otherwise
// (3M Standard Interchange Protocol version 2.00, S2).
type Flag uint8

// The 14 positions of the patron status field, in order (position 0 is
// the first character after the command identifier).
const (
	ChargeDenied          Flag = iota // 0: charge privileges denied
	RenewalDenied                     // 1: renewal privileges denied
	RecallDenied                      // 2: recall privileges denied
	HoldDenied                        // 3: hold privileges denied
	CardLost                          // 4: card reported lost
	TooManyCharged                    // 5: too many items charged
	TooManyOverdue                    // 6: too many items overdue
	TooManyRenewals                   // 7: too many renewals
	TooManyClaimsReturned             // 8: too many claims of items returned
	TooManyLost                       // 9: too many items lost
	ExcessiveFines                    // 10: excessive outstanding fines
	ExcessiveFees                     // 11: excessive outstanding fees
	RecallOverdue                     // 12: recall overdue
	TooManyBilled                     // 13: too many items billed
)

// flagCount is the length of the patron status field.
const flagCount = 14

// Flags is the set of the patron status field's positions that are 'Y'.
// The zero Flags is 14 spaces: no condition holds.
type Flags uint16

// With returns f with position x set; f itself for an x that is no
// position.
func (f Flags) With(x Flag) Flags {
	if x >= flagCount {
		return f
	}
	return f | 1<<x
}

// Has reports whether position x of f is set; false for an x that is no
// position.
func (f Flags) Has(x Flag) bool { return x < flagCount && f&(1<<x) != 0 }

// String returns the patron status field: 14 characters, 'Y' at each
// position set and a space at the others.
func (f Flags) String() string {
	var b [flagCount]byte
	for i := range b {
		b[i] = ' '
		if f.Has(Flag(i)) {
			b[i] = 'Y'
		}
	}
	return string(b[:])
}

// maxField is the most bytes of a variable-length field's data: SIP2
// limits a variable-length field to 255 characters, and a byte is never
// more than a character whatever the encoding (S4).
const maxField = 255

// SIP2 is a patron's status as the fields of SIP2's Patron Status
// Response (24) and Patron Information Response (64) (S2). Status.SIP2
// fills it from an evaluation; the host sets the fields only it knows —
// TransactionDate, Institution, Patron and PersonalName — and may change
// any other before writing it with AppendPatronStatus or
// AppendPatronInformation. It is a plain value.
type SIP2 struct {
	// Flags is the patron status field (24 and 64: 14-char, fixed).
	Flags Flags
	// Lang is the language of the screen messages, written in the
	// language field (24 and 64: 3-char, fixed): 014 for Japanese, 001
	// for English, the language every other Lang's messages are in.
	Lang reason.Lang
	// TransactionDate is the transaction date (24 and 64: 18-char,
	// fixed, YYYYMMDDZZZZHHMMSS): the host's clock, written in its own
	// location, the zone ZZZZ four spaces for local time, or "   Z" when
	// the location is UTC.
	TransactionDate time.Time
	// Institution is the institution id (AO), Patron the patron
	// identifier (AA): identifiers, written as given; one holding '|' or
	// a control character, or over 255 bytes, is an error.
	Institution string
	Patron      string
	// PersonalName is the personal name (AE), free text made safe as
	// the screen messages are.
	PersonalName string
	// HoldItems, OverdueItems, ChargedItems, FineItems, RecallItems and
	// UnavailableHolds are the counts of the Patron Information
	// Response (64: six 4-char fixed fields, in this order), written
	// 0000 to 9999, a larger count as 9999.
	HoldItems, OverdueItems, ChargedItems, FineItems, RecallItems, UnavailableHolds int
	// HoldItemsLimit (BZ), OverdueItemsLimit (CA) and ChargedItemsLimit
	// (CB) are the limits of the Patron Information Response (64: 4-char
	// each), written as the counts are.
	HoldItemsLimit, OverdueItemsLimit, ChargedItemsLimit int
	// ValidPatron is valid patron (BL: Y or N).
	ValidPatron bool
	// ScreenMessages are the screen message (AF), one sentence each
	// (S4): written joined in as few AF fields of at most 255 bytes as
	// they fit, '|' and control characters replaced.
	ScreenMessages []string
}

// SIP2 returns the SIP2 fields of s, with the screen messages in language
// l in wording w (nil: the module's wording), as S2 and S4 map them:
//
//   - position 0, charge privileges denied: s.Borrow is not nil;
//   - 1, renewal privileges denied: s.Extend is not nil;
//   - 3, hold privileges denied: s.Reserve is not nil;
//   - 5, too many items charged: s.Borrow lists circulation.ErrLoanLimit
//     (L1);
//   - 6, too many items overdue: s.Extend lists circulation.ErrOverdue
//     (L4 e);
//   - 7, too many renewals: some loan's refusal lists
//     circulation.ErrAlreadyExtended (L4 c);
//   - 2 (recall), 4 (card lost), 8 to 13 (claims returned, lost, fines,
//     fees, recall overdue, billed): never, as the rules know none of
//     them; a host that does sets them (Flags.With).
//
// The counts: hold items are the reservations on the hold shelf
// (Counts.Ready) and unavailable holds the other active ones, overdue
// and charged items the loans overdue and on loan, fine and recall items
// 0. The limits: BZ MaxReservations (H1), CB MaxLoans (L1), CA 0, as one
// overdue item stops every extension (L4 e). BL is s.Valid; AF is
// ScreenMessages(w, l, s.Borrow, s.Extend, s.Reserve).
func (s Status) SIP2(w *reason.Wording, l reason.Lang) SIP2 {
	m := SIP2{
		Lang:              l,
		HoldItems:         s.Counts.Ready,
		OverdueItems:      s.Counts.Overdue,
		ChargedItems:      s.Counts.Loans,
		UnavailableHolds:  s.Counts.Reservations - s.Counts.Ready,
		HoldItemsLimit:    s.Counts.MaxReservations,
		OverdueItemsLimit: 0, // L4 e: no overdue item is allowed for any extension
		ChargedItemsLimit: s.Counts.MaxLoans,
		ValidPatron:       s.Valid,
		ScreenMessages:    ScreenMessages(w, l, s.Borrow, s.Extend, s.Reserve),
	}
	for _, f := range [...]struct {
		set  bool
		flag Flag
	}{
		{s.Borrow != nil, ChargeDenied},
		{s.Extend != nil, RenewalDenied},
		{s.Reserve != nil, HoldDenied},
		{has(s.Borrow, circulation.ErrLoanLimit), TooManyCharged},
		{has(s.Extend, circulation.ErrOverdue), TooManyOverdue},
		{s.anyLoanRefused(circulation.ErrAlreadyExtended), TooManyRenewals},
	} {
		if f.set {
			m.Flags = m.Flags.With(f.flag)
		}
	}
	return m
}

// anyLoanRefused reports whether the refusal of some loan of s lists
// target.
func (s Status) anyLoanRefused(target error) bool {
	for i := range s.Loans {
		if has(s.Loans[i].Refusal, target) {
			return true
		}
	}
	return false
}

// AppendPatronStatus appends to dst the Patron Status Response (24) of m
// (S2), without error detection or the carriage return that ends a
// message (see AppendErrorDetection):
//
//	24, patron status (14), language (3), transaction date (18),
//	AO institution id, AA patron identifier, AE personal name,
//	BL valid patron, AF screen message
//
// each variable-length field its two-character identifier, its data and
// '|'. The currency type and fee amount (BH, BV), the valid patron
// password (CQ) and the print line (AG) are not written. It returns dst
// unchanged and reason.Problems (matching reason.ErrBadInput) naming the
// field of m at fault ("transaction_date", "patron", "hold_items").
func (m SIP2) AppendPatronStatus(dst []byte) ([]byte, error) {
	if err := m.problems(); err != nil {
		return dst, err
	}
	out := append(dst, "24"...)
	out = m.appendFixed(out)
	return m.appendVariable(out, false), nil
}

// AppendPatronInformation appends to dst the Patron Information Response
// (64) of m (S2), without error detection or the carriage return that
// ends a message (see AppendErrorDetection):
//
//	64, patron status (14), language (3), transaction date (18),
//	hold items count, overdue items count, charged items count,
//	fine items count, recall items count, unavailable holds count (4 each),
//	AO institution id, AA patron identifier, AE personal name,
//	BZ hold items limit, CA overdue items limit, CB charged items limit,
//	BL valid patron, AF screen message
//
// The fee fields (BH, BV, CC), the item lists a request's summary asks
// for (AS, AT, AU, AV, BU, CD), the address, email and telephone (BD, BE,
// BF), CQ and AG are not written. Errors as for AppendPatronStatus.
func (m SIP2) AppendPatronInformation(dst []byte) ([]byte, error) {
	if err := m.problems(); err != nil {
		return dst, err
	}
	out := append(dst, "64"...)
	out = m.appendFixed(out)
	for _, n := range [...]int{m.HoldItems, m.OverdueItems, m.ChargedItems, m.FineItems, m.RecallItems, m.UnavailableHolds} {
		out = appendCount(out, n)
	}
	return m.appendVariable(out, true), nil
}

// appendFixed appends the fixed-length fields the two responses share:
// patron status, language and transaction date.
func (m SIP2) appendFixed(out []byte) []byte {
	out = append(out, m.Flags.String()...)
	out = append(out, sip2Language(m.Lang)...)
	return appendDate(out, m.TransactionDate)
}

// appendVariable appends the variable-length fields, with the limits of
// the Patron Information Response when info is set.
func (m SIP2) appendVariable(out []byte, info bool) []byte {
	out = appendField(out, "AO", m.Institution)
	out = appendField(out, "AA", m.Patron)
	out = appendField(out, "AE", cut(clean(m.PersonalName), maxField))
	if info {
		out = appendField(out, "BZ", string(appendCount(nil, m.HoldItemsLimit)))
		out = appendField(out, "CA", string(appendCount(nil, m.OverdueItemsLimit)))
		out = appendField(out, "CB", string(appendCount(nil, m.ChargedItemsLimit)))
	}
	valid := "N"
	if m.ValidPatron {
		valid = "Y"
	}
	out = appendField(out, "BL", valid)
	sep := " "
	if m.Lang == reason.Japanese {
		sep = "" // Japanese sentences end in 。 and run on without a space
	}
	for _, af := range screenFields(m.ScreenMessages, sep) {
		out = appendField(out, "AF", af)
	}
	return out
}

// problems lists what keeps m from being written, by the snake-case name
// of the field.
func (m SIP2) problems() error {
	var ps reason.Problems
	if y := m.TransactionDate.Year(); m.TransactionDate.IsZero() || y < 0 || y > 9999 {
		ps.Add("transaction_date", "is missing or outside years 0 to 9999")
	}
	for _, f := range [...]struct{ name, v string }{{"institution", m.Institution}, {"patron", m.Patron}} {
		switch {
		case len(f.v) > maxField:
			ps.Add(f.name, "is over %d bytes", maxField)
		case clean(f.v) != f.v:
			ps.Add(f.name, "holds '|', a control character or invalid UTF-8, which SIP2 cannot carry")
		}
	}
	for _, f := range [...]struct {
		name string
		n    int
	}{
		{"hold_items", m.HoldItems}, {"overdue_items", m.OverdueItems}, {"charged_items", m.ChargedItems},
		{"fine_items", m.FineItems}, {"recall_items", m.RecallItems}, {"unavailable_holds", m.UnavailableHolds},
		{"hold_items_limit", m.HoldItemsLimit}, {"overdue_items_limit", m.OverdueItemsLimit},
		{"charged_items_limit", m.ChargedItemsLimit},
	} {
		if f.n < 0 {
			ps.Add(f.name, "is negative (%d)", f.n)
		}
	}
	return ps.Err()
}

// sip2Language returns the 3-character language code of SIP2 for the
// language the messages of l are in: 014 Japanese, 001 English.
func sip2Language(l reason.Lang) string {
	if l == reason.Japanese {
		return "014"
	}
	return "001"
}

// appendDate appends t as the 18-character transaction date
// YYYYMMDDZZZZHHMMSS: ZZZZ is four spaces for local time, "   Z" for
// UTC.
func appendDate(out []byte, t time.Time) []byte {
	out = t.AppendFormat(out, "20060102")
	if t.Location() == time.UTC {
		out = append(out, "   Z"...)
	} else {
		out = append(out, "    "...)
	}
	return t.AppendFormat(out, "150405")
}

// appendCount appends n as a 4-character count, 0000 to 9999, a larger
// count as 9999 and a negative one (which problems refuses) as 0000.
func appendCount(out []byte, n int) []byte {
	n = min(max(n, 0), 9999)
	for d := 1000; d > 0; d /= 10 {
		out = append(out, byte('0'+n/d%10))
	}
	return out
}

// appendField appends a variable-length field: its identifier, its data
// and the field delimiter.
func appendField(out []byte, id, data string) []byte {
	out = append(out, id...)
	out = append(out, data...)
	return append(out, '|')
}

// AppendErrorDetection appends to msg, a message such as
// AppendPatronStatus writes, SIP2's error-detection fields (S2): AY and
// the sequence number seq (0 to 9, the one of the request answered),
// then AZ and the checksum, four upper-case hexadecimal digits: the
// two's complement of the 16-bit sum of the bytes of msg up to and
// including "AZ", so that the sum of every byte of the message, the
// checksum's value added, is 0 modulo 65536. The carriage return that
// ends the message is the host's to write, after the checksum. A seq out
// of 0 to 9 returns msg unchanged and reason.Problems at "sequence".
func AppendErrorDetection(msg []byte, seq int) ([]byte, error) {
	if seq < 0 || seq > 9 {
		return msg, reason.BadInput("sequence", "is %d, not 0 to 9", seq)
	}
	out := append(msg, 'A', 'Y', byte('0'+seq), 'A', 'Z')
	var sum uint16
	for _, b := range out {
		sum += uint16(b)
	}
	check := strconv.FormatUint(uint64(-sum), 16)
	for len(check) < 4 {
		check = "0" + check
	}
	for _, c := range []byte(check) {
		if c >= 'a' {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	return out, nil
}
