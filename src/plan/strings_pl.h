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

/* Finishing a plan in the browser (issue 12). */
#define T_PLAN_REMOVE_TASK_REALISED                                            \
    "Zadania %d nie można usunąć: ma opisy realizacji (%ld). Usuń je "     \
    "najpierw albo zarchiwizuj plan."
#define T_PLAN_REMOVE_LINE_REALISED                                            \
    "Wiersza budżetu %d nie można usunąć: ma wpisy realizacji (%ld), "     \
    "a zatwierdzone dane nie mogą zginąć."
#define T_PLAN_REMOVE_IND_REALISED                                                \
    "Wskaźnika %d (lub jego rozbicia) nie można usunąć: ma wpisy realizacji " \
    "(%ld), a zatwierdzone dane nie mogą zginąć."
#define T_PLAN_DELETE_PUBLISHED                                                \
    "Opublikowanego planu nie można usunąć; wycofaj publikację albo "      \
    "zarchiwizuj plan."
#define T_PLAN_DELETE_REALISED                                                   \
    "Plan ma realizację (wpisy, opisy lub przyjęte sprawozdanie): nie można " \
    "go usunąć, można go tylko zarchiwizować."
#define T_PLAN_STRUCTURE "Struktura planu"
#define T_PLAN_STRUCTURE_LEAD                                                   \
    "Dodawaj, zmieniaj i usuwaj cele, działania, zadania, wiersze budżetu i " \
    "wskaźniki. Każda zmiana jest zapisywana w dzienniku zdarzeń, a plan "   \
    "jest ponownie sprawdzany."
#define T_PLAN_ITEM_GOAL "Cel"
#define T_PLAN_ITEM_ACTION "Działanie"
#define T_PLAN_ITEM_TASK "Zadanie"
#define T_PLAN_ITEM_LINE "Wiersz budżetu"
#define T_PLAN_ITEM_INDICATOR "Wskaźnik"
#define T_PLAN_ITEM_BREAKDOWN "Rozbicie (w tym)"
#define T_PLAN_ADD_GOAL "Dodaj cel"
#define T_PLAN_ADD_ACTION "Dodaj działanie"
#define T_PLAN_ADD_TASK_ITEM "Dodaj zadanie"
#define T_PLAN_ADD_LINE "Dodaj wiersz budżetu"
#define T_PLAN_ADD_INDICATOR "Dodaj wskaźnik"
#define T_PLAN_EDIT_ITEM "Zmień"
#define T_PLAN_REMOVE_ITEM "Usuń"
#define T_PLAN_REMOVE_LEAD                                                     \
    "Usunięcie zadania usuwa też jego wiersze budżetu i wskaźniki; "       \
    "usunięcie wskaźnika usuwa jego rozbicie."
#define T_PLAN_F_CODE "Kod (np. 1 albo 1.1)"
#define T_PLAN_F_TITLE "Nazwa"
#define T_PLAN_F_GOAL "Cel"
#define T_PLAN_F_ACTION "Działanie (opcjonalnie)"
#define T_PLAN_F_TASK "Zadanie"
#define T_PLAN_F_TOTAL "Wartość ogółem [zł]"
#define T_PLAN_F_PARENT "Jest rozbiciem (w tym) wskaźnika"
#define T_PLAN_F_NONE "— brak —"
#define T_PLAN_F_REQUIRED "Pole jest wymagane."
#define T_PLAN_F_CHOOSE "Wybierz pozycję z listy."
#define T_PLAN_F_MONEY "„%s” nie jest kwotą (np. 12 000,00)."
#define T_PLAN_F_COUNT "„%s” nie jest liczbą całkowitą (albo -, x, na bieżąco)."
#define T_PLAN_F_TERM "„%s” — nie rozumiem „%s” (np. II-XI, na bieżąco)."
#define T_PLAN_F_PARENT_TASK                                                   \
    "Rozbicie musi należeć do wskaźnika tego samego zadania."
#define T_PLAN_CHANGED                                                         \
    "Plan zmienił się w międzyczasie (ktoś inny go zmienił); sprawdź "   \
    "dane poniżej i spróbuj ponownie."
#define T_PLAN_FORM_HAS_ERRORS "Popraw pola oznaczone poniżej."
#define T_PLAN_GOAL_IN_USE                                                     \
    "Celu nie można usunąć: należą do niego działania lub zadania; "     \
    "usuń je albo przenieś najpierw."
#define T_PLAN_ACTION_IN_USE                                                    \
    "Działania nie można usunąć: należą do niego zadania; usuń je albo " \
    "przenieś najpierw."
#define T_PLAN_DELETE "Usuń plan (wersja robocza)"
#define T_PLAN_DELETE_HEAD "Usunięcie albo archiwizacja planu"
#define T_PLAN_DELETE_LEAD                                                     \
    "Usunąć można tylko nieopublikowany plan bez realizacji; plan z "       \
    "realizacją można zarchiwizować (zniknie z listy, dane zostają)."
#define T_PLAN_ARCHIVE "Zarchiwizuj plan"
#define T_PLAN_UNARCHIVE "Przywróć plan z archiwum"
#define T_PLAN_ARCHIVED_NOTE "Plan jest w archiwum (ukryty na liście planów)."
#define T_PLAN_SHOW_ARCHIVED "Pokaż także plany w archiwum"
#define T_PLAN_HIDE_ARCHIVED "Ukryj plany w archiwum"
#define T_PLAN_ARCHIVED_MARK "(archiwum)"
#define T_PLAN_DUPLICATE                                                       \
    "Taki sam dokument wczytano już jako plan nr %ld tego województwa. "     \
    "Zapisanie utworzy drugi, identyczny plan."
#define T_PLAN_DUPLICATE_CONFIRM                                               \
    "Wiem, że taki plan już jest; zapisz drugi egzemplarz"
#define T_PLAN_DUPLICATE_REFUSED                                               \
    "Taki sam dokument jest już wczytany; zaznacz potwierdzenie, aby "        \
    "zapisać drugi egzemplarz."

#endif
