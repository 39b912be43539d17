/* TERYT localities (issue 15): user-visible Polish texts, T_* macros. */
#ifndef TERYT_STRINGS_PL_H
#define TERYT_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_REGIONS "Regiony i TERYT"

#define T_PLACES_ERR_Q                                                         \
    "Podaj parametr „q”: nazwę gminy, miejscowości albo kod pocztowy."
#define T_PLACES_ERR_WOJ                                                       \
    "Parametr „woj” musi być dwucyfrowym kodem województwa."

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
#define T_TERYT_SEARCH_HINT                                                    \
    "Wpisz początek nazwy — polskie znaki nie są "                         \
    "wymagane (np. „lodz”, „torun”)."
#define T_TERYT_NO_RESULTS "Nie znaleziono gminy o takiej nazwie."
#define T_TERYT_RESULTS "Wyniki wyszukiwania"
#define T_RODZ_1 "gmina miejska"
#define T_RODZ_2 "gmina wiejska"
#define T_RODZ_3 "gmina miejsko-wiejska"

/* The TERYT JSON API and pages. */
#define T_TERYT_ERR_POWIAT                                                     \
    "Parametr „powiat” musi być "                                         \
    "czterocyfrowym kodem powiatu."
#define T_TERYT_ERR_Q                                                          \
    "Podaj parametr „q” (początek nazwy gminy) "                          \
    "albo „powiat”."

#define T_TERYT_COUNTS "%ld województw, %ld powiatów, %ld gmin."
#define T_TERYT_WOJ_NAMED "Województwo %s"

#endif
