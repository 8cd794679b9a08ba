// Package patron encodes the rules about patrons of the Hokkaido
// Prefectural Library's internet reservation service: who may reserve,
// and the values a patron types to get there.
//
// The rules are catalogued, by ID, in docs/rules.md of the module's
// repository:
//
//   - P1: EligibilityPolicy.Eligible lists the missing steps (registration
//     at the Prefectural Library, a My Page password, an email address,
//     and registration at the partner library of the pickup) in the
//     guide's order; the zero EligibilityPolicy is the default, under
//     which a provisional registration does not count. CanRegisterAt says
//     whether a patron can register at a RegistrationPlace on a day: the
//     Prefectural Library, the Assembly Library on staff days, a
//     registration partner library, or by post.
//   - P2: ParseCardNumber reads the 10-digit card number, folding the
//     full-width digits and spaces a Japanese input method types.
//   - P3: BirthKey and ParseBirthKey convert between a year of birth and
//     the birth key (2001 → "20010101"); VerifyPolicy.Verify checks a card
//     number, name and birth key against the library's Record. Whether a
//     refusal says which field failed is VerifyPolicy.RevealMismatch
//     (default, the zero VerifyPolicy: it does not).
//   - P4: ParsePassword reads a password of 4 to 12 letters and digits,
//     case-blind; a Password compares in constant time and never prints,
//     even through reflection; AppendSecret hands it to the host's hasher.
//   - P5: PasswordUsableFrom is when to tell a patron a new
//     password will work; resetting a forgotten password by telephone has
//     no code.
//   - P6: ParseEmail refuses addresses that cannot receive mail, among
//     them the guide's three mistakes: ErrDotBeforeAt, ErrConsecutiveDots
//     and ErrTrailingDot.
//
// Every refusal is a *reason.Refusal (package reason) listing every reason
// that applies, each with a stable code and English and Japanese messages
// (reason.Localize). Reasons lists them all. A reason a caller branches on
// is an exported sentinel usable with errors.Is; the finer reasons of a
// field's syntax (an empty card number, a birth key of the wrong length,
// an email address without @, ...) are matched by their code. Where a
// reason concerns one character, it carries the character's 1-based
// position in the input as its parameter (reason.Position), counted in
// characters (runes), not bytes; the first 16
// reasons of one code are listed and the rest counted in one entry (see
// reason.List). Input quoted into a message is cut to 32 characters.
//
// Data from the host that cannot be right (a Record without a card
// number, a RegistrationPlace without a calendar, an unknown enum code)
// gives an error matching reason.ErrBadInput, never a refusal: a
// reason.Problems naming each field at fault ("record.card"), except for
// an enum's text, which names no field.
//
// The package does no I/O and keeps no state: every function is pure and
// every type is an immutable value safe for concurrent use.
package patron
