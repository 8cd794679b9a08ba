package patron_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
)

func ExampleParseCardNumber() {
	// Typed with the Japanese input method on: full-width digits and an
	// ideographic space.
	c, err := patron.ParseCardNumber("０１２３４５６７８９\u3000")
	fmt.Println(c, err)

	_, err = patron.ParseCardNumber("0123-456789")
	for _, m := range reason.Localize(err, reason.English) {
		fmt.Println(m.Code+":", m.Message)
	}
	// Output:
	// 0123456789 <nil>
	// card_number.length: The card number is the 10-digit number under the barcode on your library card (11 characters typed).
	// card_number.character: The card number may contain only digits (character 5 is not one).
}

func ExampleParsePassword() {
	a, _ := patron.ParsePassword("ABC1")
	b, _ := patron.ParsePassword("abc1")
	fmt.Println(a.Equal(b), a)

	_, err := patron.ParsePassword("ab!")
	for _, m := range reason.Localize(err, reason.Japanese) {
		fmt.Println(m.Code+":", m.Message)
	}
	// Output:
	// true [password redacted]
	// password.length: パスワードは4～12字にしてください（3文字入力されています）。
	// password.character: パスワードには半角英字（A～Z）と数字（0～9）だけを使ってください（3文字目）。
}

func ExampleParseEmail() {
	e, err := patron.ParseEmail("Taro.Yamada@Docomo.NE.JP")
	fmt.Println(e, e.Local(), e.Domain(), err)

	for _, s := range []string{"xxxxx.@xxxxxx.jp", "x..xx@xxxxxx.jp", "xx@xxxxx.jp."} {
		_, err := patron.ParseEmail(s)
		fmt.Println(s, errors.Is(err, patron.ErrDotBeforeAt), errors.Is(err, patron.ErrConsecutiveDots), errors.Is(err, patron.ErrTrailingDot))
	}
	// Output:
	// Taro.Yamada@docomo.ne.jp Taro.Yamada docomo.ne.jp <nil>
	// xxxxx.@xxxxxx.jp true false false
	// x..xx@xxxxxx.jp false true false
	// xx@xxxxx.jp. false false true
}

func ExampleBirthKey() {
	key, _ := patron.BirthKey(2001)
	fmt.Println(key)

	year, _ := patron.ParseBirthKey("２００１０１０１")
	fmt.Println(year)

	_, err := patron.ParseBirthKey("20010315")
	fmt.Println(err)
	fmt.Println(reason.Localize(err, reason.English)[0].Message)
	// Output:
	// 20010101
	// 2001
	// patron: birth key refused: birth_key.not_0101
	// Enter your year of birth followed by 0101, not your full date of birth (born in 2001: 20010101).
}

func ExampleVerifyPolicy_Verify() {
	card, _ := patron.ParseCardNumber("0123456789")
	rec := patron.Record{Card: card, Name: "ﾔﾏﾀﾞ ﾀﾛｳ", BirthYear: 2001}

	var conceal patron.VerifyPolicy // the default: a mismatch does not say which field
	fmt.Println(conceal.Verify(rec, patron.Credentials{Card: "0123456789", Name: "ヤマダ　タロウ", BirthKey: "20010101"}))
	fmt.Println(conceal.Verify(rec, patron.Credentials{Card: "0123456789", Name: "ヤマダ　ハナコ", BirthKey: "20000101"}))

	reveal := patron.VerifyPolicy{RevealMismatch: true}
	fmt.Println(reveal.Verify(rec, patron.Credentials{Card: "0123456789", Name: "ヤマダ　ハナコ", BirthKey: "20000101"}))
	// Output:
	// <nil>
	// patron: identity check refused: identity.mismatch
	// patron: identity check refused: identity.name_mismatch, identity.birth_key_mismatch
}

func ExampleEligibilityPolicy_Eligible() {
	reg := patron.Registration{
		Status:           patron.Provisional,
		EmailRegistered:  true,
		PartnerLibraries: []string{"江別市情報図書館"},
	}
	var policy patron.EligibilityPolicy // provisional registration does not count
	err := policy.Eligible(reg, "小樽市立図書館")
	for _, m := range reason.Localize(err, reason.English) {
		fmt.Println(m.Code)
	}

	policy.ProvisionalCounts = true
	reg.PasswordSet = true
	fmt.Println(policy.Eligible(reg, "江別市情報図書館"))
	// Output:
	// eligibility.provisional
	// eligibility.no_password
	// eligibility.partner_not_registered
	// <nil>
}

// P1: Prefectural Library staff are at the Assembly Library on Tuesdays
// and Thursdays; the patron can register by post any day.
func ExampleCanRegisterAt() {
	staffDays := calendar.WeeklySchedule("道立図書館職員在室日", time.Tuesday, time.Thursday)
	staffDays.ClosedOnHolidays, staffDays.YearEnd = true, true
	staff := calendar.MustNew(staffDays)
	assembly := patron.RegistrationPlace{Kind: patron.RegisterAtAssemblyLibrary, Calendar: staff}
	fmt.Println(patron.CanRegisterAt(assembly, calendar.NewDate(2026, time.May, 12)))
	err := patron.CanRegisterAt(assembly, calendar.NewDate(2026, time.May, 13))
	fmt.Println(errors.Is(err, patron.ErrRegistrationNoStaff))
	fmt.Println(patron.CanRegisterAt(patron.RegistrationPlace{Kind: patron.RegisterByPost}, calendar.Date{}))
	// Output:
	// <nil>
	// true
	// <nil>
}

// P4: the host hashes the password with its own hasher; this is the only
// way to get the characters, and they come in the canonical case.
func ExamplePassword_AppendSecret() {
	pw, _ := patron.ParsePassword("Hana2026")
	buf := pw.AppendSecret(make([]byte, 0, patron.MaxPasswordLength))
	sum := sha256.Sum256(buf) // a real host uses bcrypt or argon2 with a salt
	clear(buf)
	fmt.Printf("%v %x…\n", pw, sum[:4])
	// Output: [password redacted] 63b6b4af…
}
