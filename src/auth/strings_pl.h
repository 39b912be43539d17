/* Login: user-visible Polish texts, T_* macros. */
#ifndef AUTH_STRINGS_PL_H
#define AUTH_STRINGS_PL_H

#define T_LOGIN_TITLE "Logowanie"
#define T_LOGIN_LOGIN "Login"
#define T_LOGIN_PASSWORD "Hasło"
#define T_LOGIN_BUTTON "Zaloguj się"
#define T_LOGIN_FAILED "Nieprawidłowy login lub hasło."
/* printf template: seconds to wait */
#define T_LOGIN_THROTTLED                                                       \
    "Zbyt wiele nieudanych prób logowania. Następna próba będzie możliwa " \
    "za %lld s."
/* printf template: minutes to wait (form_limit.c) */
#define T_FORM_THROTTLED                                                       \
    "Z tego adresu wysłano w ostatniej godzinie zbyt wiele zgłoszeń. "      \
    "Spróbuj ponownie za %lld min. Jeśli zgłaszasz wiele osób naraz, "     \
    "skontaktuj się z organizatorem."

/* Why a password is refused (password.c). */
#define T_PASSWORD_TOO_SHORT "Hasło musi mieć co najmniej 12 znaków."
#define T_PASSWORD_TOO_LONG "Hasło może mieć najwyżej 256 znaków."
#define T_PASSWORD_SAME_AS_LOGIN "Hasło nie może być takie samo jak login."

#endif
