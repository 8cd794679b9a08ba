package patron

import "github.com/kashidashi/kashidashi/reason"

// pkg prefixes every error string and reason of this package.
const pkg = "patron"

// Reasons why a card number is refused (P2).
var (
	// ErrCardNumberEmpty reports that nothing but spaces was typed.
	ErrCardNumberEmpty = reason.New(pkg, "card_number.empty",
		"Enter the card number.",
		"利用者番号を入力してください。")
	// ErrCardNumberLength reports a card number that is not 10 characters long.
	ErrCardNumberLength = reason.New(pkg, "card_number.length",
		"The card number is the 10-digit number under the barcode on your library card.",
		"利用者番号は利用者カードのバーコード下に記された10桁の数字です。")
	// ErrCardNumberCharacter reports a character that is not a digit.
	ErrCardNumberCharacter = reason.New(pkg, "card_number.character",
		"The card number may contain only digits.",
		"利用者番号には数字だけを入力してください。")
)

// Reasons why a password is refused (P4).
var (
	// ErrPasswordTooShort reports a password of fewer than 4 characters.
	ErrPasswordTooShort = reason.New(pkg, "password.too_short",
		"The password must be at least 4 characters long.",
		"パスワードは4字以上にしてください。")
	// ErrPasswordTooLong reports a password of more than 12 characters.
	ErrPasswordTooLong = reason.New(pkg, "password.too_long",
		"The password must be at most 12 characters long.",
		"パスワードは12字以内にしてください。")
	// ErrPasswordSymbol reports an ASCII symbol or control character.
	ErrPasswordSymbol = reason.New(pkg, "password.symbol",
		"The password cannot contain symbols; use only letters and digits.",
		"パスワードに記号は使用できません。英数字だけを使ってください。")
	// ErrPasswordSpace reports a space or other blank character.
	ErrPasswordSpace = reason.New(pkg, "password.space",
		"The password cannot contain spaces.",
		"パスワードに空白は使用できません。")
	// ErrPasswordFullWidth reports a full-width letter, digit, symbol or space,
	// typed with the Japanese input method turned on.
	ErrPasswordFullWidth = reason.New(pkg, "password.full_width",
		"The password cannot contain full-width characters; turn off Japanese input and type half-width letters and digits.",
		"パスワードに全角文字は使用できません。日本語入力をオフにして半角英数字で入力してください。")
	// ErrPasswordCharacter reports any other character (kana, kanji, accented
	// letters, invalid UTF-8).
	ErrPasswordCharacter = reason.New(pkg, "password.character",
		"The password may contain only the letters A to Z and the digits 0 to 9.",
		"パスワードには半角英字（A～Z）と数字（0～9）だけを使ってください。")
)

// Reasons why a birth year or birth key is refused (P3).
var (
	// ErrBirthKeyEmpty reports that nothing but spaces was typed.
	ErrBirthKeyEmpty = reason.New(pkg, "birth_key.empty",
		"Enter your year of birth followed by 0101 (born in 2001: 20010101).",
		"生年月日欄には生まれ年（西暦）＋「0101」を入力してください（例：2001年生まれ→20010101）。")
	// ErrBirthKeyLength reports a birth key that is not 8 characters long.
	ErrBirthKeyLength = reason.New(pkg, "birth_key.length",
		"The birth date field takes 8 digits: your year of birth followed by 0101 (born in 2001: 20010101).",
		"生年月日欄は8桁です。生まれ年（西暦）＋「0101」を入力してください（例：2001年生まれ→20010101）。")
	// ErrBirthKeyCharacter reports a character that is not a digit.
	ErrBirthKeyCharacter = reason.New(pkg, "birth_key.character",
		"The birth date field may contain only digits.",
		"生年月日欄には数字だけを入力してください。")
	// ErrBirthKeyNot0101 reports eight digits that do not end in 0101, such as a
	// full date of birth.
	ErrBirthKeyNot0101 = reason.New(pkg, "birth_key.not_0101",
		"Enter your year of birth followed by 0101, not your full date of birth (born in 2001: 20010101).",
		"生年月日欄には生まれ年（西暦）＋「0101」を入力してください。実際の誕生日ではありません（例：2001年生まれ→20010101）。")
	// ErrBirthYearRange reports a year outside MinBirthYear..MaxBirthYear.
	ErrBirthYearRange = reason.New(pkg, "birth_key.year_range",
		"The year of birth is not a plausible year (Western calendar, 1900 or later).",
		"生まれ年が正しくありません（西暦、1900年以降）。")
)

// Reasons why a first-password identity check is refused (P3).
var (
	// ErrNameEmpty reports that no name was typed.
	ErrNameEmpty = reason.New(pkg, "identity.name_empty",
		"Enter your name.",
		"お名前を入力してください。")
	// ErrIdentityMismatch reports that the card number, name and birth key do not
	// match the record, without saying which (VerifyPolicy's default).
	ErrIdentityMismatch = reason.New(pkg, "identity.mismatch",
		"The card number, name and date of birth do not match our records.",
		"カード番号・お名前・生年月日が登録内容と一致しません。")
	// ErrCardMismatch reports a card number that is not the record's.
	ErrCardMismatch = reason.New(pkg, "identity.card_mismatch",
		"The card number does not match our records.",
		"カード番号が登録内容と一致しません。")
	// ErrNameMismatch reports a name that is not the record's.
	ErrNameMismatch = reason.New(pkg, "identity.name_mismatch",
		"The name does not match our records.",
		"お名前が登録内容と一致しません。")
	// ErrBirthKeyMismatch reports a birth key that is not the record's.
	ErrBirthKeyMismatch = reason.New(pkg, "identity.birth_key_mismatch",
		"The date of birth does not match our records.",
		"生年月日が登録内容と一致しません。")
)

// Reasons why an email address is refused (P6).
var (
	// ErrEmailEmpty reports that nothing was typed.
	ErrEmailEmpty = reason.New(pkg, "email.empty",
		"Enter an email address.",
		"メールアドレスを入力してください。")
	// ErrEmailNoAt reports an address without @.
	ErrEmailNoAt = reason.New(pkg, "email.no_at",
		"An email address needs an @.",
		"メールアドレスに @ がありません。")
	// ErrEmailSeveralAt reports an address with more than one @.
	ErrEmailSeveralAt = reason.New(pkg, "email.several_at",
		"An email address has exactly one @.",
		"メールアドレスの @ は1つだけです。")
	// ErrEmailLocalEmpty reports that nothing comes before the @.
	ErrEmailLocalEmpty = reason.New(pkg, "email.local_empty",
		"The part before @ is missing.",
		"@ より前の部分がありません。")
	// ErrEmailLeadingDot reports an address that starts with a dot.
	ErrEmailLeadingDot = reason.New(pkg, "email.leading_dot",
		"An email address cannot start with a dot (.).",
		"メールアドレスの先頭にドット (.) は使えません。")
	// ErrDotBeforeAt reports a dot right before the @ (xxxxx.@xxxxxx), named by
	// the guide as undeliverable.
	ErrDotBeforeAt = reason.New(pkg, "email.dot_before_at",
		"A dot (.) right before @ cannot receive mail (xxxxx.@xxxxxx).",
		"@ の直前にドット (.) があるメールアドレスは受信できません（xxxxx.@xxxxxx）。")
	// ErrConsecutiveDots reports two or more dots in a row before the @
	// (x..xx@xxxxxx), named by the guide as undeliverable.
	ErrConsecutiveDots = reason.New(pkg, "email.consecutive_dots",
		"Two or more dots (.) in a row before @ cannot receive mail (x..xx@xxxxxx).",
		"@ より前でドット (.) が連続しているメールアドレスは受信できません（x..xx@xxxxxx）。")
	// ErrTrailingDot reports a dot at the very end of the address (@xxxxx.jp.),
	// named by the guide as a common mistake.
	ErrTrailingDot = reason.New(pkg, "email.trailing_dot",
		"The address ends with a dot (.) by mistake (@xxxxx.jp.).",
		"アドレスの末尾に間違ってドット (.) が入っています（@xxxxx.jp.）。")
	// ErrEmailLocalTooLong reports more than 64 octets before the @.
	ErrEmailLocalTooLong = reason.New(pkg, "email.local_too_long",
		"The part before @ is longer than 64 characters.",
		"@ より前の部分が64文字を超えています。")
	// ErrEmailDomainEmpty reports that nothing comes after the @.
	ErrEmailDomainEmpty = reason.New(pkg, "email.domain_empty",
		"The part after @ (the domain) is missing.",
		"@ より後ろの部分（ドメイン）がありません。")
	// ErrEmailDomainNoDot reports a domain without a dot, as in taro@localhost.
	ErrEmailDomainNoDot = reason.New(pkg, "email.domain_no_dot",
		"The part after @ must be a full domain name such as example.ne.jp.",
		"@ より後ろには example.ne.jp のようなドメイン名を入力してください。")
	// ErrEmailDomainLabel reports a part of the domain between dots that is empty,
	// longer than 63 characters, starts or ends with a hyphen, or is an
	// all-digit top-level part.
	ErrEmailDomainLabel = reason.New(pkg, "email.domain_label",
		"The part after @ is not a valid domain name.",
		"@ より後ろのドメイン名が正しくありません。")
	// ErrEmailTooLong reports an address of more than 254 octets.
	ErrEmailTooLong = reason.New(pkg, "email.too_long",
		"The email address is longer than 254 characters.",
		"メールアドレスが254文字を超えています。")
	// ErrEmailLineBreak reports a carriage return or line feed.
	ErrEmailLineBreak = reason.New(pkg, "email.line_break",
		"An email address cannot contain a line break.",
		"メールアドレスに改行は使えません。")
	// ErrEmailSpace reports a space or tab.
	ErrEmailSpace = reason.New(pkg, "email.space",
		"An email address cannot contain spaces.",
		"メールアドレスに空白は使えません。")
	// ErrEmailFullWidth reports a full-width character or space, typed with the
	// Japanese input method turned on (taro＠example.jp).
	ErrEmailFullWidth = reason.New(pkg, "email.full_width",
		"An email address cannot contain full-width characters; turn off Japanese input and type it in half-width characters.",
		"メールアドレスに全角文字は使えません。日本語入力をオフにして半角で入力してください。")
	// ErrEmailCharacter reports, before the @, a character that is not a letter,
	// a digit, a dot or one of ! # $ % & ' * + - / = ? ^ _ ` { | } ~.
	ErrEmailCharacter = reason.New(pkg, "email.character",
		"The part before @ may contain only letters, digits, dots and the symbols ! # $ % & ' * + - / = ? ^ _ ` { | } ~.",
		"@ より前には英数字、ドット、記号 ! # $ % & ' * + - / = ? ^ _ ` { | } ~ だけが使えます。")
	// ErrEmailDomainCharacter reports, after the @, a character that is not a
	// letter, a digit, a hyphen or a dot.
	ErrEmailDomainCharacter = reason.New(pkg, "email.domain_character",
		"The part after @ may contain only letters, digits, hyphens (-) and dots (.).",
		"@ より後ろには英数字、ハイフン (-)、ドット (.) だけが使えます。")
)

// Reasons why a patron may not reserve yet (P1), in the guide's order of
// steps.
var (
	// ErrNotRegistered reports step 1 missing: patron registration at the
	// Prefectural Library.
	ErrNotRegistered = reason.New(pkg, "eligibility.not_registered",
		"Register as a patron of the Hokkaido Prefectural Library first (at the library, the Assembly Library, a registration partner library, or by post).",
		"先に道立図書館の利用者登録をしてください（道立図書館・道議会図書室・利用登録協力館への来館、または郵送）。")
	// ErrProvisionalRegistration reports step 1 incomplete: the registration
	// is provisional and EligibilityPolicy does not let it count.
	ErrProvisionalRegistration = reason.New(pkg, "eligibility.provisional",
		"A provisional registration is not enough to reserve; complete your patron registration at the Prefectural Library.",
		"仮利用登録では予約できません。道立図書館の利用者登録を完了してください。")
	// ErrNoPassword reports step 2 missing: a My Page password.
	ErrNoPassword = reason.New(pkg, "eligibility.no_password",
		"Set a My Page password first.",
		"先にMyページのパスワードを設定してください。")
	// ErrNoEmail reports step 3 missing: a registered email address.
	ErrNoEmail = reason.New(pkg, "eligibility.no_email",
		"Register an email address on My Page first.",
		"先にMyページでメールアドレスを登録してください。")
	// ErrNotPartnerRegistered reports step 4 missing: the pickup is at a
	// partner library where the patron is not registered.
	ErrNotPartnerRegistered = reason.New(pkg, "eligibility.partner_not_registered",
		"To receive at a partner library, register as a patron of that library too.",
		"受取館で受け取るには、受取館の利用者登録も必要です。")
)

// Reasons why a patron cannot register at a place on a day (P1: where
// and when registration can be done).
var (
	// ErrRegistrationPlaceUnknown reports a place that is none of the
	// ways to register.
	ErrRegistrationPlaceUnknown = reason.New(pkg, "registration.place_unknown",
		"Register at the Prefectural Library, at the Assembly Library while library staff are there, at a registration partner library, or by post.",
		"利用者登録は道立図書館、職員在室時の道議会図書室、利用登録協力館、または郵送でできます。")
	// ErrRegistrationNotPartner reports a partner library that is not a
	// registration partner (利用登録協力館).
	ErrRegistrationNotPartner = reason.New(pkg, "registration.not_partner",
		"This library cannot register patrons of the Prefectural Library; only registration partner libraries can.",
		"この図書館では道立図書館の利用者登録はできません。利用登録協力館でのみできます。")
	// ErrRegistrationNoStaff reports a day without Prefectural Library
	// staff at the Assembly Library (Tuesdays and Thursdays, holidays
	// excepted; R-AL1).
	ErrRegistrationNoStaff = reason.New(pkg, "registration.no_staff",
		"At the Assembly Library you can register only while Prefectural Library staff are there: Tuesdays and Thursdays, except holidays.",
		"道議会図書室での利用者登録は、道立図書館職員の在室日（火曜・木曜、祝日を除く）のみできます。")
	// ErrRegistrationClosed reports a library closed on the day.
	ErrRegistrationClosed = reason.New(pkg, "registration.closed",
		"The library is closed on that day.",
		"その日は休館日です。")
)

// Reasons returns every sentinel reason of the package, grouped by rule.
// The slice is new on each call.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		ErrCardNumberEmpty, ErrCardNumberLength, ErrCardNumberCharacter,
		ErrPasswordTooShort, ErrPasswordTooLong, ErrPasswordSymbol,
		ErrPasswordSpace, ErrPasswordFullWidth, ErrPasswordCharacter,
		ErrBirthKeyEmpty, ErrBirthKeyLength, ErrBirthKeyCharacter,
		ErrBirthKeyNot0101, ErrBirthYearRange,
		ErrNameEmpty, ErrIdentityMismatch, ErrCardMismatch, ErrNameMismatch,
		ErrBirthKeyMismatch,
		ErrEmailEmpty, ErrEmailNoAt, ErrEmailSeveralAt, ErrEmailLocalEmpty,
		ErrEmailLeadingDot, ErrDotBeforeAt, ErrConsecutiveDots, ErrTrailingDot,
		ErrEmailLocalTooLong, ErrEmailDomainEmpty, ErrEmailDomainNoDot,
		ErrEmailDomainLabel, ErrEmailTooLong, ErrEmailLineBreak, ErrEmailSpace,
		ErrEmailFullWidth, ErrEmailCharacter, ErrEmailDomainCharacter,
		ErrNotRegistered, ErrProvisionalRegistration, ErrNoPassword,
		ErrNoEmail, ErrNotPartnerRegistered,
		ErrRegistrationPlaceUnknown, ErrRegistrationNotPartner,
		ErrRegistrationNoStaff, ErrRegistrationClosed,
	}
}
