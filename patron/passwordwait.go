package patron

import "time"

// passwordDelay is how long a new password may take to work (P5: "about
// 10 minutes"). The guide gives no exact figure; this is its figure.
const passwordDelay = 10 * time.Minute

// PasswordUsableFrom returns the instant from which to tell a patron who
// set a new password at set to try it (P5: 登録から反映まで時間がかかる場合
// があります…10分程度時間をおいてから): ten minutes later. It is advice for
// the patron, not a rule that refuses anything: the library's system may
// accept the password sooner. The zero time gives the zero time.
func PasswordUsableFrom(set time.Time) time.Time {
	if set.IsZero() {
		return time.Time{}
	}
	return set.Add(passwordDelay)
}
