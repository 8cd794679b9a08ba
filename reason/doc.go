// Package reason is the vocabulary every kashidashi package uses to explain
// a decision.
//
// A refusal (an extension refused, a password rejected, a return at the
// wrong place) is an error that lists every reason that applies. Each
// reason has a stable code usable across an API boundary
// ("extension.reserved"), an English and a Japanese message fit to show a
// patron, and is a sentinel that callers branch on with errors.Is:
//
//	_, err := policy.Extend(loan, others, today, returnTo)
//	if errors.Is(err, circulation.ErrReserved) { ... }
//	json.NewEncoder(w).Encode(reason.Localize(err, reason.Japanese))
//
// A refusal stays small whatever the input: Refuse and List list at most
// MaxPerCode reasons of one code and merge the rest into one *Omitted that
// counts them (errors.Is still finds them), Refusal.Error takes time
// linear in its reasons, and Quote and Shorten cut quoted input to
// MaxQuoted characters followed by "…".
//
// Reasons never change after they are declared; Reason, Detailed,
// Omitted and Refusal are safe for concurrent use once built; a List is
// not.
package reason
