/*
** Every text a user sees, in Polish, as macros so that html_lit() can paste
** them into literals and tests can compare with the same constant.
*/
#ifndef HTML_STRINGS_PL_H
#define HTML_STRINGS_PL_H

#define T_APP_NAME "Rodzina"
#define T_APP_TAGLINE "System regionalnej polityki rodzinnej"
#define T_SKIP_TO_CONTENT "Przejdź do treści"
#define T_NAV_LABEL "Menu główne"
#define T_FOOTER "Rodzina — system informacyjny regionalnego ośrodka " \
    "polityki społecznej. Dane TERYT: GUS, rejestr TERYT."

/* Navigation: the seven parts of the system. */
#define T_NAV_HOME "Start"
#define T_NAV_PLANS "Programy i plany"
#define T_NAV_MONITORING "Monitorowanie"
#define T_NAV_HELPLINE "Niebieska Linia"
#define T_NAV_SERVICES "Gdzie szukać pomocy"
#define T_NAV_REGISTERS "Rejestry"
#define T_NAV_USERS "Użytkownicy"
#define T_NAV_REGIONS "Regiony i TERYT"

#define T_NOT_BUILT_TITLE "Ta część systemu jeszcze nie działa"
#define T_NOT_BUILT_TEXT "Ta część systemu jest w przygotowaniu i nie " \
    "przechowuje jeszcze żadnych danych. Nie wprowadzaj tu niczego — " \
    "strona pojawi się, gdy moduł będzie gotowy."

#define T_HOME_TITLE "Rodzina — strona główna"
#define T_HOME_LEAD "Planowanie, finansowanie, realizacja i rozliczanie " \
    "regionalnych programów wsparcia rodziny i przeciwdziałania przemocy " \
    "domowej."
#define T_HOME_REGIONS "Regiony obsługiwane w tej instalacji"
#define T_HOME_NO_REGIONS "Nie skonfigurowano jeszcze żadnego regionu."
#define T_HOME_PARTS "Części systemu"

#define T_TERYT_TITLE "Województwa, powiaty i gminy (TERYT)"
#define T_TERYT_WOJ "Województwo"
#define T_TERYT_POWIAT "Powiat"
#define T_TERYT_GMINA "Gmina"
#define T_TERYT_CODE "Kod TERYT"
#define T_TERYT_KIND "Rodzaj"
#define T_TERYT_POWIATS "Powiaty"
#define T_TERYT_GMINAS "Gminy"
#define T_TERYT_SUMMARY "Rejestr TERYT (GUS, stan na 1 stycznia 2024 r.)"
#define T_TERYT_SEARCH_LABEL "Znajdź gminę"
#define T_TERYT_SEARCH_BUTTON "Szukaj"
#define T_TERYT_SEARCH_HINT "Wpisz początek nazwy — polskie znaki nie są " \
    "wymagane (np. „lodz”, „torun”)."
#define T_TERYT_NO_RESULTS "Nie znaleziono gminy o takiej nazwie."
#define T_TERYT_RESULTS "Wyniki wyszukiwania"
#define T_RODZ_1 "gmina miejska"
#define T_RODZ_2 "gmina wiejska"
#define T_RODZ_3 "gmina miejsko-wiejska"

#define T_ERR_TITLE "Błąd"
#define T_ERR_NOT_FOUND "Nie ma takiej strony."
#define T_ERR_METHOD "Ta metoda nie jest dozwolona dla tego adresu."
#define T_ERR_BAD_REQUEST "Nieprawidłowe żądanie."
#define T_ERR_INTERNAL "Wystąpił błąd serwera. Spróbuj ponownie za chwilę."
#define T_ERR_HOME_LINK "Wróć na stronę główną"

#endif
