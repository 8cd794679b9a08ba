package patron

import "time"

// PasswordDelay is how long a new password may take to work (P5: "about
// 10 minutes"). The guide gives no exact figure; this is its figure.
const PasswordDelay = 10 * time.Minute

// PasswordUsableFrom returns the time from which a host should tell a
// patron to try a password set at set: set plus PasswordDelay (P5). It
// is advice for the patron, not a rule that refuses anything: the
// library's system may accept the password sooner.
func PasswordUsableFrom(set time.Time) time.Time { return set.Add(PasswordDelay) }
