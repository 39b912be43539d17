/*
** Texts of the HTTP layer's own refusals (body limits, busy server, input
** that is not UTF-8), in Polish; the router's error page shows them.
*/
#ifndef HTTP_STRINGS_PL_H
#define HTTP_STRINGS_PL_H

#define T_ERR_TOO_BIG "Przesłane dane są zbyt duże."
#define T_ERR_BUSY                                                             \
    "Serwer przyjmuje teraz zbyt wiele danych. Spróbuj ponownie za chwilę."
#define T_ERR_DB_DOWN "Baza danych jest chwilowo niedostępna."
#define T_ERR_TOO_SLOW "Dane napływały zbyt wolno."
#define T_ERR_BAD_UTF8                                                         \
    "Żądanie zawiera znaki, które nie są poprawnym tekstem UTF-8."
#define T_ERR_FORM_TOO_MANY "Formularz ma zbyt wiele pól."
/* A request that would queue e-mail with links reached the server under
 * an address it does not know as its own (req_mail_url_or_reply). */
#define T_ERR_MAIL_HOST                                                          \
    "Ten formularz wysyła wiadomość e-mail z odnośnikiem, a serwis nie zna " \
    "adresu, pod którym go otwarto. Otwórz serwis pod jego właściwym "       \
    "adresem i wyślij formularz ponownie. Nic nie zostało zapisane."

/* A query parameter missing or out of range (req_int_or_reply). */
#define T_ERR_PARAM_MISSING "Brak parametru „%s”."
#define T_ERR_PARAM_RANGE                                                      \
    "Parametr „%s” musi być liczbą od %ld "                              \
    "do %ld."

#endif
