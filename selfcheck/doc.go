// Package selfcheck tells a self-check machine where a patron stands:
// whether the patron may borrow, extend and reserve, the counts against
// each limit, and every reason a capability is refused, in the patron's
// language; and it renders that standing as the machine's protocols ask
// for it, SIP2 and NCIP. The rules (patron, circulation) decide; this
// package only asks them and tells.
//
// A host evaluates a patron once per visit and renders the result:
//
//	st, err := selfcheck.Evaluate(lib, selfcheck.Request{
//		Registration: reg, Loans: loans, Reservations: rs, Today: today,
//	})
//	m := st.SIP2(wording, reason.Japanese)
//	m.Institution, m.Patron, m.PersonalName, m.TransactionDate = "HPL", card, name, now
//	msg, err := m.AppendPatronInformation(nil)
//	msg, err = selfcheck.AppendErrorDetection(msg, seq)
//	conn.Write(append(msg, '\r'))
//
// The rules are catalogued, by ID, in docs/rules.md of the module's
// repository. This package encodes:
//
//   - S1 [reading]: Evaluate gives a patron's Status from the decisions
//     of the packages that own the rules, the one implementation of each:
//     patron.EligibilityPolicy.Eligible (P1),
//     circulation.Policy.MayBorrow (L1), circulation.Policy.Extend for
//     each loan (L3, L4, L2, L5) and circulation.Policy.MayReserve for one
//     more reservation (H1, I2), under the policy of the day (V1), with
//     the counts (Counts). Borrowing and extending need P1's step 1 only
//     (the registration, the card the machine reads); reserving needs
//     every step, as the internet service does. ErrOverdue (L4 e)
//     concerns the patron, not the loan: it refuses Status.Extend.
//   - S2 [reading]: Status.SIP2 maps the Status on the fields of SIP2's
//     Patron Status Response (24) and Patron Information Response (64):
//     the 14 positions of the patron status field (Flag), the language,
//     the counts and the limits BZ, CA and CB, valid patron (BL) and the
//     screen message (AF); SIP2.AppendPatronStatus and
//     SIP2.AppendPatronInformation write them, AppendErrorDetection adds
//     the sequence number and checksum (AY, AZ).
//   - S3 [reading]: Status.BlocksOrTraps maps it on NCIP version 2's
//     BlockOrTrap values of the LookupUser response, from the scheme of
//     Implementation Profile 1 (BlockOrTrapScheme): Block Check Out,
//     Block Renewal, Block Hold with Block Request Item, and Trap For
//     Pickup; BlockOrTrap.MarshalXML writes one.
//   - S4 [reading]: every reason reaches the patron translated:
//     ScreenMessages renders each refusal's reasons through
//     reason.Wording (the module's catalogue, or the host's words), in
//     English or Japanese, never as a raw code, and makes the text safe
//     for SIP2: '|' becomes '｜', a control character a space, and the
//     screen message is packed into fields of at most 255 bytes without
//     cutting a sentence that fits.
//
// Every value of the package is plain and safe for concurrent use once
// made. Evaluate reads no clock (the host passes today, and SIP2 the
// transaction time) and does no I/O. Input that cannot be right is an
// error matching reason.ErrBadInput, a reason.Problems naming the field
// ("loans[2].due", "reservations[0].state", "transaction_date"); a
// refusal is never an error of Evaluate, but a field of the Status.
package selfcheck
