// Package patron encodes the rules about patrons of the Hokkaido
// Prefectural Library's internet reservation service: who may reserve,
// and the values a patron types to get there.
//
// Rules (see RULES.md):
//
//   - P1: Registration.Eligible and EligibilityPolicy.Eligible list the
//     missing steps (registration at the Prefectural Library, a My Page
//     password, an email address, and registration at the partner library
//     of the pickup) in the guide's order. Whether a provisional
//     registration counts is EligibilityPolicy.ProvisionalCounts (default:
//     it does not). CanRegisterAt says whether a patron can register at
//     a RegistrationPlace on a day: the Prefectural Library, the Assembly
//     Library on staff days, a registration partner library, or by post.
//   - P2: ParseCardNumber reads the 10-digit card number, folding the
//     full-width digits and spaces a Japanese input method types.
//   - P3: BirthKey and ParseBirthKey convert between a year of birth and
//     the birth key (2001 → "20010101"); Record.Verify and
//     VerifyPolicy.Verify check a card number, name and birth key against
//     the library's record. Whether a refusal says which field failed is
//     VerifyPolicy.RevealMismatch (default: it does not).
//   - P4: ParsePassword reads a password of 4 to 12 letters and digits,
//     case-blind; a Password compares in constant time and never prints,
//     even through reflection; AppendSecret hands it to the host's hasher.
//   - P5: PasswordUsableFrom is when to tell a patron a new password
//     will work (PasswordDelay, ten minutes after it is set); resetting a
//     forgotten password by telephone has no code.
//   - P6: ParseEmail refuses addresses that cannot receive mail, among
//     them the guide's three mistakes: ErrDotBeforeAt, ErrConsecutiveDots
//     and ErrTrailingDot.
//
// Every refusal is a *reason.Refusal (package reason) listing every reason
// that applies, each a sentinel of this package usable with errors.Is and
// carrying a stable code and English and Japanese messages; Reasons lists
// them all. Where a reason concerns one character, it is detailed with
// the 1-based position of that character in the input, counted in
// characters (runes), not bytes; at most reason.MaxPerCode positions of
// one reason are listed and the rest counted in one *reason.Omitted. Input
// quoted into a message is cut to text.MaxQuoted characters.
//
// The package does no I/O and keeps no state: every function is pure and
// every type is an immutable value safe for concurrent use.
package patron
