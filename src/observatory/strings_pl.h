/* The regional observatory (issue 20): its Polish texts. */
#ifndef OBSERVATORY_STRINGS_PL_H
#define OBSERVATORY_STRINGS_PL_H

#define T_NAV_OBSERVATORY "Obserwatorium"
#define T_OBS_TITLE "Obserwatorium regionalne"
#define T_OBS_INTRO                                                            \
    "Wskaźniki polityki rodzinnej i przeciwdziałania przemocy według gmin " \
    "i powiatów województwa: mapa, tabela i dane z kolejnych lat. Każdy "   \
    "wskaźnik ma opis, jak jest liczony."
#define T_OBS_INDICATOR "Wskaźnik"
#define T_OBS_LEVEL "Podział"
#define T_OBS_GMINAS "gminy"
#define T_OBS_POWIATS "powiaty"
#define T_OBS_YEAR "Rok"
#define T_OBS_SHOW "Pokaż"
#define T_OBS_IN_YEAR "rok"
#define T_OBS_AS_OF "stan na rok"
#define T_OBS_RATE_NOTE                                                                \
    "Mapa i kolumna „na 10 000 mieszkańców” pokazują wartość w przeliczeniu " \
    "na 10 000 mieszkańców (ludność GUS, 2024), tam gdzie znana jest "             \
    "liczba mieszkańców; pozostałe kolumny to liczby."
#define T_OBS_COUNT_NOTE                                                            \
    "Ten wskaźnik jest liczbą, nie wartością na mieszkańców (dlaczego — w " \
    "opisie metody)."
#define T_OBS_MAP "Mapa"
#define T_OBS_MAP_DESC_GMINA                                                   \
    "Gminy województwa w kolorach klas wartości wskaźnika; wartości w "    \
    "tabeli poniżej."
#define T_OBS_MAP_DESC_POWIAT                                                  \
    "Gminy województwa w kolorze klasy swojego powiatu; wartości powiatów " \
    "w tabeli poniżej."
#define T_OBS_NO_MAP "Brak granic gmin tego województwa; wartości w tabeli."
#define T_OBS_LEGEND_RATE "Legenda: na 10 000 mieszkańców"
#define T_OBS_LEGEND_COUNT "Legenda: liczba"
#define T_OBS_HOW "Jak liczony jest ten wskaźnik"
#define T_OBS_TABLE "Tabela"
#define T_OBS_CODE "Kod TERYT"
#define T_OBS_GMINA_COL "Gmina"
#define T_OBS_POWIAT_COL "Powiat"
#define T_OBS_POWIAT "powiat"
#define T_OBS_POPULATION "Mieszkańcy (2024)"
#define T_OBS_PER_10K "Na 10 000 mieszkańców"
#define T_OBS_VALUE "Wartość"
#define T_OBS_CLASS "Klasa na mapie"
#define T_OBS_UNKNOWN "brak danych"
#define T_OBS_SERIES "Szereg czasowy województwa"
#define T_OBS_NOT_YEARLY                                                       \
    "Ten wskaźnik to stan na dziś; rejestr nie przechowuje jego historii."
#define T_OBS_CSV "Pobierz dane (CSV)"
#define T_OBS_JSON "Dane w formacie JSON"
#define T_OBS_METHOD_TITLE "Obserwatorium: jak liczymy wskaźniki"
#define T_OBS_METHOD_RATE                                                          \
    "Wartość na 10 000 mieszkańców = liczba × 10 000 / liczba mieszkańców " \
    "gminy lub powiatu (ludność według GUS, 2024; powiat: suma jego gmin), "    \
    "zaokrąglona do dwóch miejsc po przecinku."
#define T_OBS_METHOD_CLASSES                                                    \
    "Klasy mapy: zero ma własną klasę; wartości większe od zera dzielimy " \
    "na najwyżej pięć klas o zbliżonej liczbie jednostek (kwantyle), tak "  \
    "by ta sama wartość nigdy nie trafiła do dwóch klas. Zakres każdej "   \
    "klasy podaje legenda."
#define T_OBS_METHOD_POPULATION                                                \
    "Dane pochodzą z rejestrów systemu Rodzina w chwili wyświetlenia "      \
    "strony."
#define T_OBS_IS_RATE "Pokazywany także na 10 000 mieszkańców."
#define T_OBS_IS_COUNT "Pokazywany jako liczba."
#define T_OBS_SEE_MAP "Zobacz mapę i tabelę"
#define T_OBS_YES "tak"
#define T_OBS_NO "nie"
#define T_OBS_LEGEND_FLAG "Legenda: %s"
#define T_OBS_LEGEND_ZL "Legenda: kwota w zł"
#define T_OBS_LEGEND_RATE_ZL "Legenda: zł na 10 000 mieszkańców"
#define T_OBS_PER_10K_ZL "Zł na 10 000 mieszkańców"
#define T_OBS_SHARE_COL "Udział"
#define T_OBS_SHARE_CELL "%s z %s (%s %%)"
#define T_OBS_SHARE_GMINAS "%s — gminy województwa: %s."
#define T_OBS_SHARE_POWIATS "%s — powiaty województwa: %s."
#define T_OBS_FLAG_NOTE                                                                 \
    "Ten wskaźnik mówi o każdej gminie i każdym powiecie „tak” albo „nie” " \
    "(powiat: jego własny, nie jego gmin). Udział podajemy z mianownikiem: "          \
    "liczbą wszystkich gmin albo powiatów województwa."
#define T_OBS_IS_FLAG                                                               \
    "Pokazywany jako „tak” albo „nie” każdej gminy i każdego powiatu, z " \
    "udziałem „tak” wśród wszystkich gmin lub powiatów województwa."
#define T_OBS_IS_MONEY                                                         \
    "Kwota w złotych; pokazywana także w złotych na 10 000 mieszkańców."
#define T_OBS_ERR_INDICATOR                                                    \
    "Nie ma takiego wskaźnika; wybierz jeden z listy na stronie "             \
    "obserwatorium."
#define T_OBS_ERR_LEVEL "Parametr poziom: podaj „gmina” albo „powiat”."
#define T_OBS_ERR_SORT "Parametr sort: podaj „nazwa”, „kod” albo „wartosc”."

#endif
