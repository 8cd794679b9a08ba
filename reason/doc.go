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
// Error strings are short and lower-case, as Go errors are: a reason's is
// its package and code ("patron: email.trailing_dot"), a refusal's lists
// the codes ("circulation: extension refused: extension.reserved,
// extension.overdue"). The patron's sentences come from Localize, the one
// way to render a decision in a language.
//
// A refusal stays small whatever the input: Refuse and List list the
// first 16 reasons of one code and merge the rest into one entry that
// counts them (errors.Is still finds them), and Refusal.Error takes time
// linear in its reasons.
//
// Reasons never change after they are declared; reasons and refusals are
// safe for concurrent use once built; a List is not.
package reason
