/*
** Plan reader: Polish findings about files beyond the reader's limits
** (issue 11). printf formats, T_* macros.
*/
#ifndef PLAN_STRINGS_PL_H
#define PLAN_STRINGS_PL_H

#define T_PLAN_READ_TOO_MANY_ROWS                                              \
    "Tabela ma więcej niż %d wierszy (przekroczono limit w wierszu %d)."
#define T_PLAN_READ_TOO_MANY_COLS "Wiersz %d ma więcej niż %d kolumn."
#define T_PLAN_READ_TOO_MANY_CELLS                                             \
    "Tabela ma więcej niż %d komórek (przekroczono limit w wierszu %d)."
#define T_PLAN_READ_CELL_TOO_LONG                                              \
    "Komórka w wierszu %d, w kolumnie %d ma więcej niż %d bajtów."
#define T_PLAN_READ_TOO_MANY_INDICATORS                                         \
    "Plan ma więcej niż %d wskaźników i rezultatów (przekroczono limit w " \
    "wierszu %d)."
#define T_PLAN_READ_NOTE_ROWS                                                  \
    "Uwagi wskazują razem więcej niż %d wierszy (przekroczono limit w "     \
    "wierszu %d); dalsze numery pominięto."
#define T_PLAN_READ_NOTE_ROW_TWICE                                             \
    "Wiersz %d wskazała już wcześniejsza uwaga; uwaga %s przypisuje mu "    \
    "kolejne źródło."
#define T_PLAN_XLSX_TOO_BIG                                                    \
    "Plik XLSX po rozpakowaniu jest za duży (limit to kilkukrotność "       \
    "limitu pliku); możliwe, że to tzw. bomba ZIP."
#define T_PLAN_XLSX_TEXT_TOO_BIG                                               \
    "Arkusz XLSX zawiera za dużo tekstu (te same długie teksty powtórzone " \
    "w wielu komórkach)."

#endif
