/*
** Plan reader: Polish findings about files beyond the reader's limits
** (issue 11). printf formats, T_* macros.
*/
#ifndef PLAN_STRINGS_PL_H
#define PLAN_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_PLANS "Programy i plany"

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

#define T_PLANS_TITLE "Programy i plany"
#define T_PLANS_LEAD                                                           \
    "Programy wojewódzkie, ich roczne harmonogramy i plany "                  \
    "działań, karty projektów — tak, jak zapisano je w dokumentach, z "   \
    "kontrolą sum, podziałów i terminów."
#define T_PLANS_NONE "Nie wczytano jeszcze żadnego planu."
#define T_PLAN_KIND_YEARLY "plan roczny"
#define T_PLAN_KIND_PROGRAMME "cele programu"
#define T_PLAN_KIND_PROJECT "karta projektu"
#define T_PLAN_COL_TITLE "Dokument"
#define T_PLAN_COL_KIND "Rodzaj"
#define T_PLAN_COL_YEAR "Rok"
#define T_PLAN_COL_TASKS "Zadań"
#define T_PLAN_COL_TOTAL "Wartość [zł]"
#define T_PLAN_NUMBER "Lp."
#define T_PLAN_TASK "Zadanie / działanie"
#define T_PLAN_TERM "Termin realizacji"
#define T_PLAN_IMPLEMENTERS "Realizatorzy"
#define T_PLAN_INDICATORS "Wskaźniki"
#define T_PLAN_TOTAL "ogółem"
#define T_PLAN_BUDGET "Wartość [zł]"
#define T_PLAN_TARGET_YEAR "Plan na rok"
#define T_PLAN_TARGET_MULTI "Plan wieloletni"
#define T_PLAN_GOAL_TOTAL "Razem cel"
#define T_PLAN_PLAN_TOTAL "Razem plan"
#define T_PLAN_DECLARED "Sumy podane w dokumencie"
#define T_PLAN_NOTES "Źródła finansowania (przypisy do dokumentu)"
#define T_PLAN_FOOTNOTES "Przypisy"
#define T_PLAN_FINDINGS "Uwagi z kontroli dokumentu"
#define T_PLAN_NO_FINDINGS "Kontrola nie wykazała niezgodności."
#define T_PLAN_SEV_ERROR "błąd"
#define T_PLAN_SEV_WARNING "ostrzeżenie"
#define T_PLAN_SEV_INFO "informacja"
#define T_PLAN_ROW "wiersz"
#define T_PLAN_COLUMN "kolumna"
#define T_PLAN_DOWNLOAD "Pobierz"
#define T_PLAN_REPORTS "Sprawozdania z realizacji (przyjęte)"
#define T_PLAN_SOURCE_FILE "Plik źródłowy"
#define T_PLAN_IMPORTED "Wczytano"
#define T_PLAN_REGION "Województwo"
#define T_PLAN_PROGRAMME "Program"
#define T_PLAN_PERIOD "Okres realizacji"
#define T_PLAN_RESULTS "Wskaźniki rezultatu"
#define T_PLAN_GOALS "Cele"
#define T_PLAN_TEXTS "Treść dokumentu"
#define T_PLAN_MATCHES "zgodne z sumą w dokumencie"
#define T_PLAN_DIFFERS "różni się od sumy w dokumencie"
#define T_PLAN_NOT_PLANNED "nie planowano"
#define T_PLAN_ONGOING "na bieżąco"

#define T_PLAN_UPLOAD_TITLE "Wczytaj plan z pliku"
#define T_PLAN_UPLOAD_LEAD                                                     \
    "Wczytaj harmonogram lub plan działań tak, jak "                         \
    "go zapisano: tekst z tabeli dokumentu (kolumny rozdzielone "              \
    "tabulatorem), CSV (UTF-8 lub Windows-1250, średnik lub przecinek) "      \
    "albo XLSX. Najpierw zobaczysz, co odczytano, i wszystkie uwagi; plan "    \
    "zapisze się dopiero po zatwierdzeniu."
#define T_PLAN_UPLOAD_FILE "Plik planu"
#define T_PLAN_UPLOAD_CHECK "Sprawdź plik"
#define T_PLAN_UPLOAD_CONFIRM "Zatwierdź i zapisz plan"
#define T_PLAN_UPLOAD_CANCEL "Anuluj"
#define T_PLAN_UPLOAD_PREVIEW "Podgląd: tak odczytano plik"
#define T_PLAN_UPLOAD_BLOCKED                                                  \
    "Pliku nie można zapisać: zawiera błędy "                              \
    "(nieczytelne liczby). Popraw plik i wczytaj go ponownie."
#define T_PLAN_UPLOAD_NO_FILE "Wybierz plik do wczytania."
#define T_PLAN_UPLOAD_GONE                                                     \
    "Ten podgląd wygasł albo został już zapisany. "                        \
    "Wczytaj plik ponownie."
#define T_PLAN_UPLOAD_LINK "Wczytaj plan z pliku"
#define T_PLAN_REGION_NOT_SERVED                                               \
    "Ta instalacja nie obsługuje jeszcze tego regionu. Administrator dodaje " \
    "region na stronie Regiony (albo poleceniem rodzina region add)."
#define T_PLAN_REGION_DENIED                                                   \
    "Możesz wczytywać i zmieniać tylko plany "                              \
    "swojego województwa."
#define T_PLAN_PUBLISHED "Plan jest opublikowany (widoczny dla wszystkich)."
#define T_PLAN_UNPUBLISHED                                                     \
    "Plan nie jest opublikowany (widzą go tylko "                             \
    "zalogowani pracownicy województwa)."
#define T_PLAN_PUBLISH "Opublikuj"
#define T_PLAN_UNPUBLISH "Wycofaj publikację"

#define T_PLAN_EDIT_TASK "Edytuj zadanie"
#define T_PLAN_TASK_FORM "Zadanie"
#define T_PLAN_TASK_NUMBER "Numer (Lp.)"
#define T_PLAN_TASK_DESCRIPTION "Opis zadania"
#define T_PLAN_LINE "Wiersz budżetu"
#define T_PLAN_INDICATOR "Wskaźnik"
#define T_PLAN_IND_NAME "Nazwa wskaźnika"
#define T_PLAN_IND_UNIT "Jednostka"
#define T_PLAN_SAVE "Zapisz zmiany"
#define T_PLAN_SAVED "Zmiany zapisano."
#define T_PLAN_MONEY_HINT                                                      \
    "Kwoty jak w dokumencie: 12 000,00 albo 12.000; "                          \
    "„-” gdy brak, „x” gdy nie planowano."
#define T_PLAN_TERM_HINT "Np. II-XI, styczeń – grudzień 2024 r., na bieżąco."

#define T_PLAN_NEW "Utwórz nowy plan roczny"
#define T_PLAN_NEW_LEAD                                                        \
    "Plan bez zadań: cele programu teraz, zadania "                           \
    "potem (przycisk „Dodaj zadanie do planu” na stronie planu). Plan z "  \
    "gotowego dokumentu lepiej wczytać z pliku."
#define T_PLAN_NEW_TITLE "Tytuł planu"
#define T_PLAN_NEW_YEAR "Rok planu"
#define T_PLAN_NEW_FROM "Program od roku"
#define T_PLAN_NEW_TO "Program do roku"
#define T_PLAN_NEW_GOALS_HINT                                                  \
    "Jeden cel w wierszu: kod i nazwa, np. "                                   \
    "„1. Wzrost świadomości…” albo „A Wspieranie rodziny…”."
#define T_PLAN_NEW_YEARS_BAD                                                   \
    "Rok planu musi mieścić się w latach "                                  \
    "programu (od ≤ rok ≤ do)."
#define T_PLAN_EDIT "Zmień tytuł, lata i cele planu"
#define T_PLAN_GOAL "Cel"
#define T_PLAN_GOAL_CODE "Kod celu"
#define T_PLAN_GOAL_TITLE "Nazwa celu"
#define T_PLAN_NEW_GOALS "Nowe cele (opcjonalnie)"
#define T_PLAN_ADD_TASK "Dodaj zadanie do planu"
#define T_PLAN_TASK_GOAL "Cel (kierunek interwencji)"
#define T_PLAN_LINES "Budżet zadania"
#define T_PLAN_PREVIEW_FIRST                                                   \
    "Podgląd pokazuje pierwsze 200 zadań; "                                  \
    "wszystkich zadań w pliku:"
#define T_PLAN_NO_TASKS "bez zadań w planie na ten rok"
#define T_PLAN_SUMMARY "Wartość planu według celów"
#define T_PLAN_PAGES "Strony planu"

#endif
