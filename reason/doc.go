// Package reason is the vocabulary every kashidashi package uses to explain
// a decision.
//
// A refusal (an extension refused, a password rejected, a return at the
// wrong place) is an error that lists every reason that applies. Each
// reason has a stable code usable across an API boundary
// ("extension.reserved"), an English and a Japanese message fit to show a
// patron, and is a sentinel that callers branch on with errors.Is:
//
//	_, _, err := policy.Extend(loan, others, today, returnTo, circulation.Override{})
//	if errors.Is(err, circulation.ErrReserved) { ... }
//	json.NewEncoder(w).Encode(reason.Localize(err, reason.Japanese))
//
// Error strings are short and lower-case, as Go errors are: a reason's is
// its package and code ("patron: email.trailing_dot"), a refusal's lists
// the codes ("circulation: extension refused: extension.reserved,
// extension.overdue"). The patron's sentences come from Localize, the one
// way to render a decision in a language.
//
// # Parameters
//
// A reason may carry named, typed parameters, so that a form can
// highlight a field or a host can show a limit without reading message
// text: Position, Limit, Count (ints), LibraryName, Field (text, cut to 32
// characters) and Date (a civil date, from anything with a Date method
// such as calendar.Date). The call site attaches them with With:
//
//	rs = append(rs, ErrLoanLimit.With(reason.Limit(p.MaxLoans)))
//
// The messages declared by New are templates. {limit} is the value of a
// parameter; every placeholder stands inside an optional part, [ ... ],
// shown only when the parameters it names are given, so the bare
// sentinel, and a call site that gives no parameter, still read well:
//
//	var ErrLoanLimit = reason.New("circulation", "loan.limit",
//		"You have reached the loan limit[ of {limit} items].",
//		"貸出上限[（{limit}冊）]に達しています。")
//
// {{ }} [[ ]] write literal braces and brackets; a { not followed by a
// letter or _ is literal as it stands. The parameters a code's messages name
// are its parameters, the same in both languages; New panics on a
// malformed template or an unknown parameter, which is a programming
// error of the declaring package.
//
// Localize gives each reason's parameters with its message, and they
// cross the boundary as JSON:
//
//	{"code": "loan.limit", "message": "貸出上限（10冊）に達しています。", "params": {"limit": 10}}
//
// There is no free text: every sentence a patron reads is a reason's
// template, which a host's Wording may replace.
//
// # Refusals as JSON
//
// A *Refusal encodes to JSON with everything it holds and decodes back
// (strictly: unknown keys refused) to a Refusal with the same Error,
// codes, parameters and messages in both languages; errors.Is matches the
// decoded reasons with their sentinels by code:
//
//	b, _ := json.Marshal(err) // {"package":"circulation","what":"extension","reasons":[{"package":"circulation","code":"extension.reserved","messages":{"en":"…","ja":"…"},"params":{…}}]}
//	var back reason.Refusal
//	_ = json.Unmarshal(b, &back)
//	errors.Is(&back, circulation.ErrReserved) // true
//
// # The catalogue
//
// Catalogue lists every code with its package, parameters and both
// templates, for translators and API documentation:
//
//	reason.Catalogue(patron.Reasons(), circulation.Reasons(), holds.Reasons())
//
// # Languages
//
// ParseLang and Lang's UnmarshalText read BCP 47 tags in any case ("ja",
// "JA-jp", "en-US"); Negotiate reads an Accept-Language header with
// weights ("fr;q=1, ja-JP;q=0.8, en;q=0.5" is Japanese). The SDK never
// falls back on its own: a tag or header naming neither English nor
// Japanese is an error wrapping ErrUnknownLang, and a host that wants a
// fallback asks for it:
//
//	lang := reason.NegotiateOr(r.Header.Get("Accept-Language"), reason.Japanese)
//
// # Host wording
//
// A host can replace the message of any code in either language, for
// example to add its telephone number. Its templates may name only the
// code's parameters; one that names another, or a code the catalogue
// lacks, is refused when loaded with an error naming the code and the
// placeholder:
//
//	w, err := reason.NewWording(circulation.Reasons(), map[string]map[reason.Lang]string{
//		"extension.reserved": {reason.Japanese: "予約が入っているため延長できません。011-xxx-xxxx へ"},
//	})
//	ms := w.Localize(err, reason.Japanese)
//
// # Bounds
//
// A refusal stays small whatever the input: Refuse and List list the
// first 16 reasons of one code and merge the rest into one entry that
// counts them (errors.Is still finds them, and the count survives JSON),
// and Refusal.Error takes time linear in its reasons. Negotiate refuses a
// header over 4096 bytes or 32 entries before reading it.
//
// Reasons never change after they are declared; reasons, refusals and
// wordings are safe for concurrent use once built; a List is not.
package reason
