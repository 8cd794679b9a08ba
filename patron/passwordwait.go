package patron

import "time"

// PasswordDelay is how long a new password may take to work (P5: "about
// 10 minutes"): a host tells a patron to try a password set at t from
// t.Add(PasswordDelay). It is advice for the patron, not a rule that
// refuses anything: the library's system may accept the password sooner.
// The guide gives no exact figure; this is its figure.
const PasswordDelay = 10 * time.Minute
