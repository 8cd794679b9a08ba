package patron

import "github.com/kashidashi/kashidashi/reason"

// Record is what the library holds about a patron to check the identity
// of someone setting a first My Page password (P3). The host looks it up
// by card number; the zero Record is not a valid record.
type Record struct {
	// Card is the patron's card number.
	Card CardNumber `json:"card"`
	// Name is the name as registered, in any width and spacing.
	Name string `json:"name"`
	// BirthYear is the year of birth, in the Western calendar.
	BirthYear int `json:"birth_year"`
}

// VerifyPolicy decides how much a refused identity check tells (P3).
// The zero VerifyPolicy is the default.
type VerifyPolicy struct {
	// RevealMismatch, when true, lists each field that does not match the
	// record: ErrCardMismatch, ErrNameMismatch, ErrBirthKeyMismatch. When
	// false (the default), a mismatch is the single ErrIdentityMismatch,
	// so that someone guessing a patron's year of birth or name learns
	// nothing from which field failed.
	RevealMismatch bool
}

// Credentials are what a patron types on the first password form (P3):
// the card number, the name and the birth key (birth year + "0101").
type Credentials struct {
	Card     string `json:"card"`
	Name     string `json:"name"`
	BirthKey string `json:"birth_key"`
}

// Verify checks the credentials in, typed on the first password form
// (P3), against rec. The card number is parsed by
// ParseCardNumber and the key by ParseBirthKey; names are compared after
// folding width, case and spaces (full-width and half-width forms are the
// same, 山田 太郎 is 山田太郎, ｶﾞ is ガ).
//
// The refusal is a *reason.Refusal. It lists first what is wrong with the
// typed values themselves, which says nothing about the record: the
// reasons of ParseCardNumber and ParseBirthKey, and identity.name_empty. When
// RevealMismatch is false and any of those applies, nothing else is
// checked; otherwise a mismatch follows, as ErrIdentityMismatch or, with
// RevealMismatch, as every one of ErrCardMismatch, ErrNameMismatch and
// ErrBirthKeyMismatch that applies. A host that finds no record for a card
// number should refuse with ErrIdentityMismatch too, unless it reveals.
//
// A Record without a card number or name, or with a BirthYear out of
// range, is the host's mistake: an error, not a refusal, a
// reason.Problems matching reason.ErrBadInput with a problem at
// "record.card", "record.name" or "record.birth_year" for each.
func (p VerifyPolicy) Verify(rec Record, in Credentials) error {
	card, name, key := in.Card, in.Name, in.BirthKey
	recName := foldName(rec.Name)
	if err := rec.problems(recName).Err(); err != nil {
		return err
	}
	var rs refusal
	c, cardErr := ParseCardNumber(card)
	rs.addAll(cardErr)
	typedName := foldName(name)
	if typedName == "" {
		rs.add(errNameEmpty)
	}
	year, keyErr := ParseBirthKey(key)
	rs.addAll(keyErr)
	if rs.list.Len() != 0 && !p.RevealMismatch {
		return rs.refuse("identity check")
	}
	// Every field is compared, whichever fails, so that a revealing
	// refusal lists them all. A field that did not parse is reported
	// above, not as a mismatch.
	cardOK := cardErr != nil || c == rec.Card
	nameOK := typedName == "" || typedName == recName
	keyOK := keyErr != nil || year == rec.BirthYear
	switch {
	case cardOK && nameOK && keyOK:
	case !p.RevealMismatch:
		rs.add(ErrIdentityMismatch)
	default:
		if !cardOK {
			rs.add(ErrCardMismatch)
		}
		if !nameOK {
			rs.add(ErrNameMismatch)
		}
		if !keyOK {
			rs.add(ErrBirthKeyMismatch)
		}
	}
	return rs.refuse("identity check")
}

// problems lists what makes rec unusable, recName being its name folded,
// with paths under "record".
func (rec Record) problems(recName string) reason.Problems {
	var ps reason.Problems
	if rec.Card.IsZero() {
		ps.Add("record.card", "no card number")
	}
	if recName == "" {
		ps.Add("record.name", "no name")
	}
	if !plausibleBirthYear(rec.BirthYear) {
		ps.Add("record.birth_year", "%d is not a year from %d to %d", rec.BirthYear, minBirthYear, maxBirthYear)
	}
	return ps
}
