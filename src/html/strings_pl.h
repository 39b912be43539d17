/*
** The layout's and the error pages' texts, in Polish, as macros so that
** html_lit() can paste them into literals and tests can compare with the
** same constant. Each module keeps its own texts in its strings_pl.h.
*/
#ifndef HTML_STRINGS_PL_H
#define HTML_STRINGS_PL_H

#define T_APP_NAME "Rodzina"
#define T_APP_TAGLINE "System regionalnej polityki rodzinnej"
#define T_SKIP_TO_CONTENT "Przejdź do treści"
#define T_NAV_LABEL "Menu główne"
#define T_CRUMBS_LABEL "Okruszki"
/* The quick exit (issue 15): a neutral site, fetched only on click. */
#define QUICK_EXIT_URL "https://www.google.pl/"
#define T_QUICK_EXIT "Szybkie wyjście — opuść tę stronę"
#define T_FOOTER                                                               \
    "Rodzina — system informacyjny regionalnego ośrodka "                   \
    "polityki społecznej. Dane TERYT: GUS, rejestr TERYT."

/* The header's login link and account line. */
#define T_LOGIN_LINK "Zaloguj się"
#define T_LOGOUT_BUTTON "Wyloguj się"
#define T_LOGIN_AS "Zalogowano:"

#define T_ERR_TITLE "Błąd"
#define T_ERR_NOT_FOUND "Nie ma takiej strony."
#define T_ERR_METHOD "Ta metoda nie jest dozwolona dla tego adresu."
/* %s: the methods the address answers, "GET, HEAD, POST" */
#define T_ERR_METHOD_ALLOWED                                                   \
    "Ta metoda nie jest dozwolona dla tego adresu. Dozwolone metody: %s."
#define T_ERR_BAD_REQUEST "Nieprawidłowe żądanie."
#define T_ERR_INTERNAL "Wystąpił błąd serwera. Spróbuj ponownie za chwilę."
#define T_ERR_LOGIN_NEEDED "Zaloguj się, aby zobaczyć tę stronę."
#define T_ERR_FORBIDDEN "Nie masz uprawnień do tej strony."
#define T_ERR_CSRF                                                             \
    "Formularz wygasł albo nie pochodzi z tej strony. Wróć, "               \
    "odśwież stronę i wyślij go ponownie."
#define T_ERR_HOME_LINK "Wróć na stronę główną"

/* How an error message names its field (html/form.c, form_mark_errors):
 * "Pole „Tytuł”: ..." */
#define V_FIELD_NAMED "Pole „"
#define V_FIELD_NAMED_LC "pole „"
#define V_QUOTE_END "”"

#endif
