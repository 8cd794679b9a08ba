package main

import (
	"github.com/kashidashi/kashidashi/patron"
)

// signUp checks what the patron types when she first uses My Page (P1–P6).
func (s *story) signUp() error {
	s.heading(1, "Signing up (P1–P6)", "利用の準備（P1〜P6）")
	card, err := patron.ParseCardNumber("０１２３４５６７８９") // typed with a Japanese input method
	if err != nil {
		return err
	}
	s.say("Card number, typed in full-width digits: %s", "カード番号（全角で入力）: %s", card)

	key, err := patron.BirthKey(1990)
	if err != nil {
		return err
	}
	rec := patron.Record{Card: card, Name: "山田 花子", BirthYear: 1990}
	if err := (patron.VerifyPolicy{}).Verify(rec, patron.Credentials{Card: card.String(), Name: "山田花子", BirthKey: key}); err != nil {
		return err
	}
	s.say("Birth key for 1990: %s (card, name and key match the record)",
		"生年月日欄（1990年生まれ）: %s（カード番号・氏名と一致）", key)

	if _, err := patron.ParsePassword("Hana-2026"); err != nil {
		s.say("Password \"Hana-2026\" refused:", "パスワード「Hana-2026」は使えません:")
		s.reasons(err)
	}
	pw, err := patron.ParsePassword("Hana2026")
	if err != nil {
		return err
	}
	same, _ := patron.ParsePassword("HANA2026")
	s.say("Password accepted (printed as %v); \"HANA2026\" matches: %v",
		"パスワード登録（表示は %v）。「HANA2026」も同じ: %v", pw, pw.Equal(same))

	if _, err := patron.ParseEmail("hanako.@docomo.ne.jp"); err != nil {
		s.say("Email \"hanako.@docomo.ne.jp\" refused:", "メールアドレス「hanako.@docomo.ne.jp」は登録できません:")
		s.reasons(err)
	}
	email, err := patron.ParseEmail("hanako@docomo.ne.jp")
	if err != nil {
		return err
	}
	s.say("Email registered: %s", "メールアドレス登録: %s", email)

	reg := patron.Registration{
		Status: patron.Registered, PasswordSet: true, EmailRegistered: true,
		PartnerLibraries: []string{partnerName},
	}
	var policy patron.EligibilityPolicy // provisional registration does not count
	if err := policy.Eligible(reg, partnerName); err != nil {
		return err
	}
	s.say("She may reserve for pickup at %s.", "%sでの受取を予約できます。", partnerName)
	if err := policy.Eligible(reg, "北広島市図書館"); err != nil {
		s.say("But not at 北広島市図書館:", "北広島市図書館では受け取れません:")
		s.reasons(err)
	}
	return nil
}
