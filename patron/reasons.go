package patron

import (
	"github.com/kashidashi/kashidashi/reason"
)

// pkg prefixes every error string and reason of this package.
const pkg = "patron"

// Reasons a caller branches on. The reasons of a field's syntax that no
// caller needs to tell apart are unexported below; hosts still match them
// by their stable code, listed by Reasons.
var (
	// ErrPasswordLength reports a password that is not 4 to 12 characters
	// long (P4), with the number typed as its count.
	ErrPasswordLength = reason.New(pkg, "password.length",
		"The password must be 4 to 12 characters long[ ({count} characters typed)].",
		"パスワードは4～12字にしてください[（{count}文字入力されています）]。")
	// ErrPasswordCharacter reports a character other than an ASCII letter or
	// digit (P4: a symbol, a space, a full-width or any other character),
	// with its 1-based position.
	ErrPasswordCharacter = reason.New(pkg, "password.character",
		"The password may contain only the half-width letters A to Z and digits 0 to 9[ (character {position} is not one)].",
		"パスワードには半角英字（A～Z）と数字（0～9）だけを使ってください[（{position}文字目）]。")

	// ErrIdentityMismatch reports that the card number, name and birth key do not
	// match the record, without saying which (VerifyPolicy's default, P3).
	ErrIdentityMismatch = reason.New(pkg, "identity.mismatch",
		"The card number, name and date of birth do not match our records.",
		"カード番号・お名前・生年月日が登録内容と一致しません。")
	// ErrCardMismatch reports a card number that is not the record's (P3).
	ErrCardMismatch = reason.New(pkg, "identity.card_mismatch",
		"The card number does not match our records.",
		"カード番号が登録内容と一致しません。")
	// ErrNameMismatch reports a name that is not the record's (P3).
	ErrNameMismatch = reason.New(pkg, "identity.name_mismatch",
		"The name does not match our records.",
		"お名前が登録内容と一致しません。")
	// ErrBirthKeyMismatch reports a birth key that is not the record's (P3).
	ErrBirthKeyMismatch = reason.New(pkg, "identity.birth_key_mismatch",
		"The date of birth does not match our records.",
		"生年月日が登録内容と一致しません。")

	// ErrDotBeforeAt reports a dot right before the @ (xxxxx.@xxxxxx), named by
	// the guide as undeliverable (P6).
	ErrDotBeforeAt = reason.New(pkg, "email.dot_before_at",
		"A dot (.) right before @ cannot receive mail (xxxxx.@xxxxxx).",
		"@ の直前にドット (.) があるメールアドレスは受信できません（xxxxx.@xxxxxx）。")
	// ErrConsecutiveDots reports two or more dots in a row before the @
	// (x..xx@xxxxxx), named by the guide as undeliverable (P6).
	ErrConsecutiveDots = reason.New(pkg, "email.consecutive_dots",
		"Two or more dots (.) in a row before @ cannot receive mail (x..xx@xxxxxx).",
		"@ より前でドット (.) が連続しているメールアドレスは受信できません（x..xx@xxxxxx）。")
	// ErrTrailingDot reports a dot at the very end of the address (@xxxxx.jp.),
	// named by the guide as a common mistake (P6).
	ErrTrailingDot = reason.New(pkg, "email.trailing_dot",
		"The address ends with a dot (.) by mistake (@xxxxx.jp.).",
		"アドレスの末尾に間違ってドット (.) が入っています（@xxxxx.jp.）。")
	// ErrEmailCharacter reports a character that has no place in an address
	// (P6: a space, a full-width character, a line break, a character not
	// allowed before or after the @), with its 1-based position.
	ErrEmailCharacter = reason.New(pkg, "email.character",
		"An email address may contain only half-width letters, digits and dots, hyphens after the @, and before the @ the symbols ! # $ % & ' * + - / = ? ^ _ ` { | } ~[ (character {position} is not one)].",
		"メールアドレスには半角英数字とドット、@ より後ろではハイフン (-)、@ より前では記号 ! # $ % & ' * + - / = ? ^ _ ` { | } ~ だけが使えます[（{position}文字目）]。")
	// ErrEmailTooLong reports more than 64 characters before the @ or more than
	// 254 in the whole address (P6, RFC 5321), with the part as its field
	// ("local" before the @, "address" for the whole), the characters typed
	// as its count and the part's limit.
	ErrEmailTooLong = reason.New(pkg, "email.too_long",
		"The email address is too long: at most 64 characters before @ and 254 in all[ ({count} typed where {limit} are allowed)].",
		"メールアドレスが長すぎます。@ より前は64文字まで、全体は254文字までです[（{limit}文字までのところ{count}文字）]。")

	// ErrNotRegistered reports P1 step 1 missing: patron registration at the
	// Prefectural Library.
	ErrNotRegistered = reason.New(pkg, "eligibility.not_registered",
		"Register as a patron of the Hokkaido Prefectural Library first (at the library, the Assembly Library, a registration partner library, or by post).",
		"先に道立図書館の利用者登録をしてください（道立図書館・道議会図書室・利用登録協力館への来館、または郵送）。")
	// ErrProvisionalRegistration reports P1 step 1 incomplete: the
	// registration is provisional and EligibilityPolicy does not let it count.
	ErrProvisionalRegistration = reason.New(pkg, "eligibility.provisional",
		"A provisional registration is not enough to reserve; complete your patron registration at the Prefectural Library.",
		"仮利用登録では予約できません。道立図書館の利用者登録を完了してください。")
	// ErrNoPassword reports P1 step 2 missing: a My Page password.
	ErrNoPassword = reason.New(pkg, "eligibility.no_password",
		"Set a My Page password first.",
		"先にMyページのパスワードを設定してください。")
	// ErrNoEmail reports P1 step 3 missing: a registered email address.
	ErrNoEmail = reason.New(pkg, "eligibility.no_email",
		"Register an email address on My Page first.",
		"先にMyページでメールアドレスを登録してください。")
	// ErrNotPartnerRegistered reports P1 step 4 missing: the pickup is at a
	// partner library, its library parameter, where the patron is not
	// registered.
	ErrNotPartnerRegistered = reason.New(pkg, "eligibility.partner_not_registered",
		"To receive at a partner library[ ({library})], register as a patron of that library too.",
		"受取館[（{library}）]で受け取るには、受取館の利用者登録も必要です。")

	// ErrRegistrationPlaceUnknown reports that no place to register was
	// chosen, the zero RegistrationPlaceKind (P1).
	ErrRegistrationPlaceUnknown = reason.New(pkg, "registration.place_unknown",
		"Register at the Prefectural Library, at the Assembly Library while library staff are there, at a registration partner library, or by post.",
		"利用者登録は道立図書館、職員在室時の道議会図書室、利用登録協力館、または郵送でできます。")
	// ErrRegistrationNotPartner reports a partner library that is not a
	// registration partner (利用登録協力館, P1), named by its library
	// parameter.
	ErrRegistrationNotPartner = reason.New(pkg, "registration.not_partner",
		"This library[ ({library})] cannot register patrons of the Prefectural Library; only registration partner libraries can.",
		"この図書館[（{library}）]では道立図書館の利用者登録はできません。利用登録協力館でのみできます。")
	// ErrRegistrationNoStaff reports a day without Prefectural Library staff
	// at the Assembly Library (Tuesdays and Thursdays, holidays excepted; P1,
	// R-AL1), with the day as its date.
	ErrRegistrationNoStaff = reason.New(pkg, "registration.no_staff",
		"At the Assembly Library you can register only while Prefectural Library staff are there: Tuesdays and Thursdays, except holidays[ ({date} is not such a day)].",
		"道議会図書室での利用者登録は、道立図書館職員の在室日（火曜・木曜、祝日を除く）のみできます[（{date}は在室日ではありません）]。")
	// ErrRegistrationClosed reports a library closed on the day (P1), with
	// the day as its date.
	ErrRegistrationClosed = reason.New(pkg, "registration.closed",
		"The library is closed on that day[ ({date})].",
		"その日[（{date}）]は休館日です。")
)

// Reasons of a field's syntax that no caller branches on separately.
var (
	errCardNumberEmpty = reason.New(pkg, "card_number.empty",
		"Enter the card number.",
		"利用者番号を入力してください。")
	errCardNumberLength = reason.New(pkg, "card_number.length",
		"The card number is the 10-digit number under the barcode on your library card[ ({count} characters typed)].",
		"利用者番号は利用者カードのバーコード下に記された10桁の数字です[（{count}文字入力されています）]。")
	errCardNumberCharacter = reason.New(pkg, "card_number.character",
		"The card number may contain only digits[ (character {position} is not one)].",
		"利用者番号には数字だけを入力してください[（{position}文字目）]。")

	errBirthKeyEmpty = reason.New(pkg, "birth_key.empty",
		"Enter your year of birth followed by 0101 (born in 2001: 20010101).",
		"生年月日欄には生まれ年（西暦）＋「0101」を入力してください（例：2001年生まれ→20010101）。")
	errBirthKeyLength = reason.New(pkg, "birth_key.length",
		"The birth date field takes 8 digits[ ({count} characters typed)]: your year of birth followed by 0101 (born in 2001: 20010101).",
		"生年月日欄は8桁です[（{count}文字入力されています）]。生まれ年（西暦）＋「0101」を入力してください（例：2001年生まれ→20010101）。")
	errBirthKeyCharacter = reason.New(pkg, "birth_key.character",
		"The birth date field may contain only digits[ (character {position} is not one)].",
		"生年月日欄には数字だけを入力してください[（{position}文字目）]。")
	// errBirthKeyNot0101: eight digits that do not end in 0101, such as a
	// full date of birth.
	errBirthKeyNot0101 = reason.New(pkg, "birth_key.not_0101",
		"Enter your year of birth followed by 0101, not your full date of birth (born in 2001: 20010101).",
		"生年月日欄には生まれ年（西暦）＋「0101」を入力してください。実際の誕生日ではありません（例：2001年生まれ→20010101）。")
	// errBirthYearRange: a year before 1900, or beyond 9999; its date is
	// January 1 of the year, the day a birth key names.
	errBirthYearRange = reason.New(pkg, "birth_key.year_range",
		"The year of birth is not a plausible year (Western calendar, 1900 or later)[: the key gives {date}].",
		"生まれ年が正しくありません（西暦、1900年以降）[（入力された値：{date}）]。")

	errNameEmpty = reason.New(pkg, "identity.name_empty",
		"Enter your name.",
		"お名前を入力してください。")

	errEmailEmpty = reason.New(pkg, "email.empty",
		"Enter an email address.",
		"メールアドレスを入力してください。")
	errEmailNoAt = reason.New(pkg, "email.no_at",
		"An email address needs an @.",
		"メールアドレスに @ がありません。")
	errEmailSeveralAt = reason.New(pkg, "email.several_at",
		"An email address has exactly one @.",
		"メールアドレスの @ は1つだけです。")
	errEmailLocalEmpty = reason.New(pkg, "email.local_empty",
		"The part before @ is missing.",
		"@ より前の部分がありません。")
	errEmailLeadingDot = reason.New(pkg, "email.leading_dot",
		"An email address cannot start with a dot (.).",
		"メールアドレスの先頭にドット (.) は使えません。")
	errEmailDomainEmpty = reason.New(pkg, "email.domain_empty",
		"The part after @ (the domain) is missing.",
		"@ より後ろの部分（ドメイン）がありません。")
	// errEmailDomainNoDot: taro@localhost.
	errEmailDomainNoDot = reason.New(pkg, "email.domain_no_dot",
		"The part after @ must be a full domain name such as example.ne.jp.",
		"@ より後ろには example.ne.jp のようなドメイン名を入力してください。")
	// errEmailDomainLabel: a part of the domain between dots that is empty,
	// longer than 63 characters, starts or ends with a hyphen, or is an
	// all-digit top-level part; its position is that of the part's first
	// character (for an empty part, of the dot that ends it).
	errEmailDomainLabel = reason.New(pkg, "email.domain_label",
		"The part after @ is not a valid domain name: each part between dots has 1 to 63 letters, digits or hyphens, neither starts nor ends with a hyphen, and the last is not all digits[ (see character {position})].",
		"@ より後ろのドメイン名が正しくありません。ドットで区切られた各部分は1～63文字の英数字とハイフンで、先頭と末尾にハイフンは使えず、最後の部分は数字だけにはできません[（{position}文字目を確認してください）]。")
)

// Reasons returns every reason of the package, exported or not, so that
// hosts can match any of them by its stable code. The slice is new on
// each call.
func Reasons() []*reason.Reason {
	return []*reason.Reason{
		errCardNumberEmpty, errCardNumberLength, errCardNumberCharacter,
		ErrPasswordLength, ErrPasswordCharacter,
		errBirthKeyEmpty, errBirthKeyLength, errBirthKeyCharacter,
		errBirthKeyNot0101, errBirthYearRange,
		errNameEmpty, ErrIdentityMismatch, ErrCardMismatch, ErrNameMismatch,
		ErrBirthKeyMismatch,
		errEmailEmpty, errEmailNoAt, errEmailSeveralAt, errEmailLocalEmpty,
		errEmailLeadingDot, ErrDotBeforeAt, ErrConsecutiveDots, ErrTrailingDot,
		errEmailDomainEmpty, errEmailDomainNoDot, errEmailDomainLabel,
		ErrEmailTooLong, ErrEmailCharacter,
		ErrNotRegistered, ErrProvisionalRegistration, ErrNoPassword,
		ErrNoEmail, ErrNotPartnerRegistered,
		ErrRegistrationPlaceUnknown, ErrRegistrationNotPartner,
		ErrRegistrationNoStaff, ErrRegistrationClosed,
	}
}
