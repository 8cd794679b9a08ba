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
// Reasons never change after they are declared; every type here is safe
// for concurrent use.
package reason
