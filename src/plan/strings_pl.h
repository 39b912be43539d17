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
    "tabulatorem), CSV (UTF-8, Windows-1250 lub UTF-16, średnik lub "         \
    "przecinek), arkusz XLSX lub ODS albo dokument DOCX z tabelą planu. "     \
    "Najpierw "                                                                \
    "zobaczysz, co odczytano, i wszystkie uwagi; plan "                        \
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

#define T_PLAN_CHECK_LINE_TOTAL                                                \
    "Wartość ogólna %s nie równa się sumie źródeł "                    \
    "finansowania %s."
#define T_PLAN_CHECK_PART_ABOVE_TOTAL                                          \
    "Kwota „%s” %s przekracza całkowitą wartość %s."
#define T_PLAN_CHECK_DECLARED_TOTAL                                            \
    "Zadeklarowana kwota „%s” %s różni się od sumy "                    \
    "wierszy planu %s."
#define T_PLAN_CHECK_DECLARED_PARTS                                            \
    "W wierszu sumy kwota ogółem %s nie równa się "                        \
    "sumie źródeł %s."
#define T_PLAN_CHECK_DECLARED_SOURCE                                           \
    "Zadeklarowana kwota „%s” %s różni się od sumy wierszy "            \
    "finansowanych ze źródła „%s” %s."
#define T_PLAN_CHECK_NOTE_BREAKDOWN                                            \
    "Uwaga %s: kwota %s, a jej pozycje dają razem %s."
#define T_PLAN_CHECK_NOTE_AMOUNT                                               \
    "Uwaga %s: kwota %s, a wskazane w niej wiersze dają "                     \
    "razem %s."
#define T_PLAN_CHECK_ROW_WITHOUT_SOURCE                                        \
    "Wiersz %s (%s) nie jest wymieniony w żadnej uwadze "                     \
    "o źródle finansowania."
#define T_PLAN_CHECK_BREAKDOWN                                                 \
    "Wiersze „w tym” wskaźnika „%s” dają razem %s, a wartość "     \
    "ogółem to %s."
#define T_PLAN_CHECK_TARGET_ABOVE_MULTI                                        \
    "Wartość roczna %s wskaźnika „%s” przekracza wartość "            \
    "wieloletnią %s."
#define T_PLAN_CHECK_TERM_OUTSIDE_YEAR "Termin „%s” wykracza poza rok planu %d."
#define T_PLAN_CHECK_NUMBER_SKIPPED "Pominięto numer %ld (po %ld jest %ld)."
#define T_PLAN_CHECK_NUMBERS_SKIPPED                                           \
    "Pominięto numery od %ld (po %ld jest "                                   \
    "%ld)."
#define T_PLAN_CHECK_NUMBER_TWICE                                              \
    "Numer %ld powtarza się (był już w wierszu %d)."
#define T_PLAN_CHECK_ACTION_SKIPPED "Pominięto numer działania %.*s.%ld."
#define T_PLAN_CHECK_ACTION_TWICE "Numer działania %s powtarza się."
#define T_PLAN_CHECK_GOAL_NUMBER_TWICE "Numer celu %ld powtarza się."
#define T_PLAN_CHECK_GOAL_NUMBER_SKIPPED "Pominięto numer celu %ld."
#define T_PLAN_CHECK_GOAL_TWICE "Cel %s powtarza się."
#define T_PLAN_CHECK_GOAL_SKIPPED "Pominięto cel %c."

#define T_PLAN_F_FIELD_REQUIRED ": pole jest wymagane."
#define T_PLAN_F_ONE_GOAL ": podaj co najmniej jeden cel."
#define T_PLAN_F_GOAL_CODE_NAME "%s %d: podaj kod i nazwę."

#define T_PLAN_F_LABEL_MONEY "%s: „%s” nie jest kwotą (np. 12 000,00)."
#define T_PLAN_F_LABEL_COUNT "%s: „%s” nie jest liczbą całkowitą."
#define T_PLAN_F_LABEL_TERM "%s: „%s” — nie rozumiem „%s”."
#define T_PLAN_F_LABEL_YEAR "%s: podaj rok, np. 2025."
#define T_PLAN_F_GOAL_LINE                                                     \
    "%s: „%s” — podaj kod i "                                            \
    "nazwę celu."

/*
** Vocabulary (V_*): words of plan documents that the reader recognises and
** the export writes back, so that an exported file reads in again; not
** display text, a translation keeps them. Default column names first.
*/
#define V_PLAN_COL_NUMBER "Lp."
#define V_PLAN_COL_ACTION "Działanie"
#define V_PLAN_COL_PROGRAMME_ACTION "Działanie w Programie"
#define V_PLAN_COL_TERM "Termin realizacji"
#define V_PLAN_COL_IMPLEMENTERS "Realizatorzy"
#define V_PLAN_COL_TOTAL "ogólna"
#define V_PLAN_COL_OWN "środki własne"
#define V_PLAN_COL_SUBSIDY "dotacja"
#define V_PLAN_COL_EU "środki UE"
#define V_PLAN_COL_OTHER "inne"
#define V_PLAN_COL_INDICATOR "wskaźnik"
#define V_PLAN_COL_TARGET_YEAR "Plan na rok"
#define V_PLAN_COL_TARGET_MULTI "Plan wieloletni"
#define V_PLAN_COL_RESULTS "Zamierzone rezultaty"
#define V_PLAN_COL_VALUE "Wartość [zł]"
#define V_PLAN_COL_INDICATORS "Wskaźniki"
#define V_PLAN_COL_UNIT "jednostka"
/* Voivodeships in a plan's title: the folded stem and the name
** (initializer). */
#define V_PLAN_REGION_STEMS                                                    \
    {"kujawsko pomorsk", "kujawsko-pomorskie"},                                \
        {"warminsko mazursk", "warmińsko-mazurskie"},                          \
        {"zachodniopomorsk", "zachodniopomorskie"},                            \
        {"dolnoslask", "dolnośląskie"}, {"malopolsk", "małopolskie"},          \
        {"wielkopolsk", "wielkopolskie"}, {"swietokrzysk", "świętokrzyskie"},  \
        {"podkarpack", "podkarpackie"}, {"mazowieck", "mazowieckie"},          \
        {"lubelsk", "lubelskie"}, {"lubusk", "lubuskie"},                      \
        {"lodzk", "łódzkie"}, {"opolsk", "opolskie"},                          \
        {"podlask", "podlaskie"}, {"pomorsk", "pomorskie"},                    \
        {"slask", "śląskie"},
/* "na rok 2025", "na lata 2021-2025" in a title, folded. */
#define V_PLAN_FOR_YEAR "na rok"
#define V_PLAN_FOR_YEARS "na lata"
/* A term or a count that runs all the time, as written and folded. */
#define V_PLAN_ONGOING "na bieżąco"
#define V_PLAN_ONGOING_FOLDED "na biezaco"
/* Month names the reader matches, folded: nominative, genitive, locative,
** short form (initializer, January first). */
#define V_PLAN_MONTH_WORDS                                                     \
    {"styczen", "stycznia", "styczniu", "sty"},                                \
        {"luty", "lutego", "lutym", "lut"},                                    \
        {"marzec", "marca", "marcu", "mar"},                                   \
        {"kwiecien", "kwietnia", "kwietniu", "kwi"},                           \
        {"maj", "maja", "maju", "maj"},                                        \
        {"czerwiec", "czerwca", "czerwcu", "cze"},                             \
        {"lipiec", "lipca", "lipcu", "lip"},                                   \
        {"sierpien", "sierpnia", "sierpniu", "sie"},                           \
        {"wrzesien", "wrzesnia", "wrzesniu", "wrz"},                           \
        {"pazdziernik", "pazdziernika", "pazdzierniku", "paz"},                \
        {"listopad", "listopada", "listopadzie", "lis"},                       \
        {"grudzien", "grudnia", "grudniu", "gru"},
/* Labels of the lines under a total row, folded: word, matched anywhere,
** PLAN_SRC_* or -1 for the overall total (initializer, tried in order). */
#define V_PLAN_SUMMARY_LABELS                                                  \
    {"srodki samorzadu", false, PLAN_SRC_OWN},                                 \
        {"srodki wlasne", false, PLAN_SRC_OWN},                                \
        {"dotacja", false, PLAN_SRC_SUBSIDY},                                  \
        {"srodki ue", false, PLAN_SRC_EU},                                     \
        {"unii europejskiej", true, PLAN_SRC_EU},                              \
        {"dofinansowanie", false, PLAN_SRC_EU},                                \
        {T_PLAN_SOURCE_OTHER, false, PLAN_SRC_OTHER}, {"razem", false, -1},    \
        {"suma", false, -1}, {"ogolem", false, -1},
/* Header cells the table reader matches, folded: how (M_*), word, role
** (R_*; R_TARGET_YEAR also stands for a multi-year target), PLAN_SRC_* of a
** source column (initializer, first match wins). */
#define V_PLAN_HEAD_WORDS                                                      \
    {M_IS, "lp", R_NUMBER, 0}, {M_START, "lp ", R_NUMBER, 0},                  \
        {M_IS, "l p", R_NUMBER, 0}, {M_IS, "nr", R_NUMBER, 0},                 \
        {M_START, "nr ", R_NUMBER, 0}, {M_IS, "numer", R_NUMBER, 0},           \
        {M_IS, "poz", R_NUMBER, 0}, {M_IS, "pozycja", R_NUMBER, 0},            \
        {M_HAS, "termin", R_TERM, 0},                                          \
        {M_START, "okres realizacji", R_TERM, 0},                              \
        {M_IS, "harmonogram", R_TERM, 0}, {M_START, "realizator", R_IMPL, 0},  \
        {M_START, "podmiot realizujacy", R_IMPL, 0},                           \
        {M_START, "podmioty realizujace", R_IMPL, 0},                          \
        {M_START, "jednostka realizujaca", R_IMPL, 0},                         \
        {M_START, "wykonawca", R_IMPL, 0},                                     \
        {M_START, "odpowiedzialn", R_IMPL, 0},                                 \
        {M_HAS, "kierunek interwencji", R_TITLE, 0},                           \
        {M_START, "kierunki", R_TITLE, 0},                                     \
        {M_HAS, "dzialanie w programie", R_ACTION, 0},                         \
        {M_IS, "dzialanie programu", R_ACTION, 0},                             \
        {M_START, "zrodl", R_SOURCE_NAME, 0},                                  \
        {M_HAS, "zrodlo finansowania", R_SOURCE_NAME, 0},                      \
        {M_HAS, "srodki wlasne", R_SOURCE, PLAN_SRC_OWN},                      \
        {M_IS, "wlasne", R_SOURCE, PLAN_SRC_OWN},                              \
        {M_HAS, "srodki samorzadu", R_SOURCE, PLAN_SRC_OWN},                   \
        {M_HAS, "budzet wojewodztwa", R_SOURCE, PLAN_SRC_OWN},                 \
        {M_HAS, "budzet samorzadu", R_SOURCE, PLAN_SRC_OWN},                   \
        {M_HAS, "dotacj", R_SOURCE, PLAN_SRC_SUBSIDY},                         \
        {M_HAS, "budzet panstwa", R_SOURCE, PLAN_SRC_SUBSIDY},                 \
        {M_HAS, "budzetu panstwa", R_SOURCE, PLAN_SRC_SUBSIDY},                \
        {M_IS, "ue", R_SOURCE, PLAN_SRC_EU},                                   \
        {M_HAS, "srodki ue", R_SOURCE, PLAN_SRC_EU},                           \
        {M_HAS, "unijne", R_SOURCE, PLAN_SRC_EU},                              \
        {M_HAS, "unii europejskiej", R_SOURCE, PLAN_SRC_EU},                   \
        {M_HAS, "fundusze europejskie", R_SOURCE, PLAN_SRC_EU},                \
        {M_IS, "efs", R_SOURCE, PLAN_SRC_EU},                                  \
        {M_START, "efs ", R_SOURCE, PLAN_SRC_EU},                              \
        {M_IS, "fers", R_SOURCE, PLAN_SRC_EU},                                 \
        {M_IS, T_PLAN_SOURCE_OTHER, R_SOURCE, PLAN_SRC_OTHER},                 \
        {M_START, "inne zrodla", R_SOURCE, PLAN_SRC_OTHER},                    \
        {M_START, "inne srodki", R_SOURCE, PLAN_SRC_OTHER},                    \
        {M_IS, "ogolna", R_TOTAL, 0}, {M_START, "ogolem", R_TOTAL, 0},         \
        {M_HAS, "planowane srodki", R_TOTAL, 0},                               \
        {M_START, "wartosc docelowa", R_TARGET_YEAR, 0},                       \
        {M_START, "wartosc wskaznika", R_TARGET_YEAR, 0},                      \
        {M_START, "wartosc", R_TOTAL, 0}, {M_START, "kwota", R_TOTAL, 0},      \
        {M_IS, "razem", R_TOTAL, 0}, {M_START, "budzet", R_TOTAL, 0},          \
        {M_START, "koszt", R_TOTAL, 0}, {M_HAS, "naklady", R_TOTAL, 0},        \
        {M_START, "wskaznik", R_INDICATOR, 0},                                 \
        {M_HAS, "nazwa wskaznika", R_INDICATOR, 0},                            \
        {M_START, "miernik", R_INDICATOR, 0}, {M_IS, "jednostka", R_UNIT, 0},  \
        {M_IS, "jednostka miary", R_UNIT, 0},                                  \
        {M_START, "plan ", R_TARGET_YEAR, 0},                                  \
        {M_START, "cel na ", R_TARGET_YEAR, 0},                                \
        {M_START, "docelow", R_TARGET_YEAR, 0},                                \
        {M_HAS, "rezultat", R_RESULTS, 0}, {M_START, "dzialani", R_DESC, 0},   \
        {M_START, "zadani", R_DESC, 0}, {M_START, "opis", R_DESC, 0},          \
        {M_START, "nazwa zadania", R_DESC, 0},                                 \
        {M_START, "przedsiewziec", R_DESC, 0},
/* Words that open a goal row ("Cel strategiczny 1.", "Priorytet I",
** "Kierunek interwencji 2"), folded, longest first; a code follows. */
#define V_PLAN_GOAL_WORDS                                                      \
    "cel strategiczny", "cel szczegolowy", "cel operacyjny", "cel glowny",     \
        "cel", "priorytet", "kierunek interwencji", "kierunek dzialan",        \
        "kierunek", "obszar strategiczny", "obszar"
/* Title and resolution lines above a plan table, folded. */
#define V_PLAN_PROGRAMME "program"
#define V_PLAN_TITLE_REALISATION "realizacji "
#define V_PLAN_RES_RESOLUTION "uchwal"
#define V_PLAN_RES_ANNEX "zalacznik"
#define V_PLAN_RES_BOARD "zarzadu"
#define V_PLAN_RES_ASSEMBLY "sejmiku"
#define V_PLAN_RES_DATED "z dnia"
#define V_PLAN_REGION_WORD "wojewodztwo"
/* Goals: "Cel 1. ..." and a programme's main goal, folded. */
#define V_PLAN_GOAL "cel "
#define V_PLAN_GOAL_MAIN "cel nadrzedny"
/* The number column's header that tells a CSV table's separator, folded. */
#define V_PLAN_CSV_NUMBER "lp"
/* "j.w." (as above) in a cell, folded. */
#define V_PLAN_AS_ABOVE_SPACED "j w"
#define V_PLAN_AS_ABOVE_SHORT "jw"
#define V_PLAN_AS_ABOVE "jak wyzej"
/* Labels of a total row, folded. */
#define V_PLAN_TOTAL_COMBINED "laczna wartosc"
#define V_PLAN_TOTAL_SUM "suma"
#define V_PLAN_TOTAL_ALL "razem"
#define V_PLAN_TOTAL_OVERALL "ogolem"
#define V_PLAN_TOTAL_SUM_OVERALL "suma ogolem"
#define V_PLAN_TOTAL_VALUE_OVERALL "wartosc ogolem"
#define V_PLAN_TOTAL_ALL_PLAN "razem plan"
/* Footnotes: the rows they name ("w wierszach 2-5 oraz 8 i 11") and the
** source of their money, folded. */
#define V_PLAN_NOTE_ROW "wiersz"
#define V_PLAN_NOTE_ITEM "pozycj"
#define V_PLAN_NOTE_AND "i "
#define V_PLAN_NOTE_AND_ALSO "oraz "
#define V_PLAN_NOTE_SUBSIDY "dotacj"
#define V_PLAN_NOTE_STATE_BUDGET "budzetu panstwa"
#define V_PLAN_NOTE_EU_UNION "unii europejskiej"
#define V_PLAN_NOTE_EU " ue "
#define V_PLAN_NOTE_ESF "efs"
/* Amounts and terms: "brak" (none), a term that runs all the time,
** quarters and a whole year, folded. */
#define V_PLAN_NUM_NONE "brak"
#define V_PLAN_ONGOING_AS_NEEDED "w miare potrzeb"
#define V_PLAN_ONGOING_CONSTANT "stale"
#define V_PLAN_ONGOING_CONTINUOUS "ciagle"
#define V_PLAN_QUARTER "kwarta"
#define V_PLAN_QUARTER_SHORT "kw"
#define V_PLAN_WHOLE "caly"
/* Words a term may hold around its dates, folded (initializer). */
#define V_PLAN_TERM_FILLERS                                                    \
    "r", "rok", "roku", "od", "do", "w", V_PLAN_WHOLE, "latach", "lata",       \
        "przez", "miesiac", "miesiace", "mies",
/* A project card's section lines, folded, and the headings its texts go
** under. */
#define V_PLAN_PROJECT_TITLE "tytul projektu"
#define V_PLAN_PROJECT_TASKS "zadania i dzialania"
#define V_PLAN_PROJECT_GROUPS "grupa docelowa"
#define V_PLAN_PROJECT_GOAL "cel projektu"
#define V_PLAN_PROJECT_RESULTS "glowne rezultaty"
#define V_PLAN_PROJECT_RESULTS_TYPO "glownie rezultaty"
#define V_PLAN_PROJECT_RESULTS_SHORT "rezultaty"
#define V_PLAN_PROJECT_PERIOD "okres realizacji"
#define V_PLAN_PROJECT_PERIOD_FULL "okres realizacji projektu"
#define V_PLAN_PROJECT_TOTAL "calkowita wartosc"
#define V_PLAN_PROJECT_TOTAL_FULL "calkowita wartosc projektu"
#define V_PLAN_PROJECT_GRANT "kwota dofinansowania"
#define V_PLAN_PROJECT_GRANT_SHORT "dofinansowanie"
#define V_PLAN_PROJECT_COFUNDED "projekt wspolfinansowany"
#define V_PLAN_PROJECT_FUNDING_HEAD "Finansowanie"
#define V_PLAN_PROJECT_GROUPS_HEAD "Grupa docelowa"
#define V_PLAN_PROJECT_GOAL_HEAD "Cel projektu"

#define T_PLAN_SUM_OWN "Środki własne"
#define T_PLAN_SUM_ALL "Razem"
#define T_PLAN_SUM_SUBSIDY "Dotacja"
#define T_PLAN_SUM_EU "Środki UE"
#define T_PLAN_SUM_OTHER "Inne"
#define T_PLAN_PROGRAMME_YEARS "Program „%s” na lata %d–%d"
#define T_PLAN_PROGRAMME_NAMED "Program „%s”"
#define T_PLAN_XLSX_NOTES_SHEET "Uwagi do planu"

#define T_PLAN_ACTIONS "Działania"
#define T_PLAN_WOJ_NAMED "Województwo %s"
#define T_PLAN_WOJ_NAMED_LOWER "województwo %s"
/* Month names as a term shows them (initializer, January first). */
#define T_PLAN_MONTHS_NOMINATIVE                                               \
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",      \
        "sierpień", "wrzesień", "październik", "listopad", "grudzień"

#define T_PLAN_ERR_UNREADABLE                                                  \
    "Plan zawiera błędy (nieczytelne liczby); popraw plik i "                \
    "wczytaj go ponownie."
#define T_PLAN_ERR_REGION_UNKNOWN                                              \
    "Region %s nie jest obsługiwany w tej "                                   \
    "instalacji."
#define T_PLAN_ERR_CHANGED "Plan zmienił się w międzyczasie; spróbuj ponownie."

/* Office files (XLSX, ODS, DOCX): what the reader could not read. */
#define T_PLAN_READ_FORMATS                                                    \
    "Czytane formaty: XLSX i ODS (arkusz), DOCX (tabela w dokumencie "         \
    "Word), CSV oraz tekst z tabulatorami (TXT)."
#define T_PLAN_ZIP_CANNOT_OPEN "Nie można otworzyć pliku ZIP (XLSX, ODS, DOCX)."
#define T_PLAN_ZIP_NOT_ZIP                                                     \
    "Plik jest uszkodzony: to nie jest poprawne archiwum ZIP, a pliki "        \
    "XLSX, ODS i DOCX nim są. " T_PLAN_READ_FORMATS
#define T_PLAN_ZIP_UNKNOWN                                                     \
    "To archiwum ZIP nie jest ani arkuszem XLSX lub ODS, ani dokumentem "      \
    "DOCX. " T_PLAN_READ_FORMATS
#define T_PLAN_XLSX_NO_STRINGS                                                 \
    "Plik XLSX jest uszkodzony: nie można odczytać "                         \
    "tekstów arkusza (sharedStrings.xml)."
#define T_PLAN_OFFICE_TOO_BIG                                                    \
    "Plik %s po rozpakowaniu jest za duży: część „%s” przekracza limit " \
    "(wszystkie części razem do %zu bajtów, jedna do %zu bajtów); "          \
    "możliwe, że to tzw. bomba ZIP."
#define T_PLAN_OFFICE_TEXT_TOO_BIG                                             \
    "Plik %s zawiera za dużo tekstu (te same długie teksty powtórzone w "   \
    "wielu komórkach); limit to %zu bajtów tekstu."
#define T_PLAN_OFFICE_TOO_LARGE                                                \
    "Tabela w pliku %s jest za duża (limit to %d komórek i %d scalonych "    \
    "obszarów)."
#define T_PLAN_OFFICE_NO_PART "W pliku %s brakuje części „%s”."
#define T_PLAN_OFFICE_BROKEN                                                   \
    "Plik %s jest uszkodzony: nie można rozpakować części „%s”."
#define T_PLAN_OFFICE_BAD_XML "Plik %s jest uszkodzony: błędny XML w „%s”."
#define T_PLAN_READ_SOURCE_UNKNOWN                                               \
    "Nie rozpoznano źródła finansowania „%s”; kwota liczy się tylko do " \
    "sumy (znane: środki własne, dotacja, środki UE, inne)."
#define T_PLAN_READ_COLUMN_UNKNOWN                                               \
    "Nie rozpoznano kolumny „%s” (kolumna %d): jej %d komórek w wierszach " \
    "%d–%d nie odczytano."
#define T_PLAN_READ_PREAMBLE                                                     \
    "Wiersz %d nad tabelą (kolumna %d): nie odczytano tekstu „%s” — nie " \
    "jest tytułem, programem, uchwałą ani okresem realizacji."
#define T_PLAN_READ_GOAL_CELL                                                  \
    "Wiersz celu ma w kolumnie %d wartość „%s”, której nie odczytano "  \
    "(wiersz celu niesie tylko kod i nazwę celu)."
#define T_PLAN_READ_COLUMN_UNNAMED                                             \
    "Kolumna %d nie ma nazwy w nagłówku: jej %d komórek w wierszach "       \
    "%d–%d nie odczytano."

#define T_PLAN_SOURCE_OWN "środki własne samorządu województwa"
#define T_PLAN_SOURCE_SUBSIDY "dotacja celowa z budżetu państwa"
#define T_PLAN_SOURCE_EU "środki Unii Europejskiej"
#define T_PLAN_SOURCE_OTHER "inne"
#define T_PLAN_PROJECT_TOTAL "Całkowita wartość projektu"
#define T_PLAN_PROJECT_EU_GRANT "Kwota dofinansowania z UE"
#define T_PLAN_PROJECT_TASKS "Zadania i działania"
/* The lines of an exported programme's goals and project card (read back
** by the reader). */
#define T_PLAN_REGION_LINE "Województwo"
#define T_PLAN_GOAL_MAIN_LINE "\xE2\x80\xA2 Cel nadrzędny: %s. %s"
#define T_PLAN_PROJECT_TITLE_HEAD "TYTUŁ PROJEKTU"
#define T_PLAN_PROJECT_TASKS_HEAD "ZADANIA I DZIAŁANIA ZAŁOŻONE W PROJEKCIE"
#define T_PLAN_PROJECT_GROUPS_LINE "GRUPA DOCELOWA"
#define T_PLAN_PROJECT_GOAL_LINE "CEL PROJEKTU"
#define T_PLAN_PROJECT_RESULTS_HEAD "GŁÓWNE REZULTATY"
#define T_PLAN_PROJECT_MONEY_LINE "%s: %s zł"
#define T_PLAN_PERIOD_LINE "Okres realizacji: %s – %s"
#define T_PLAN_PROJECT_PERIOD_LINE "Okres realizacji projektu: %s – %s"

#define T_PLAN_READ_EMPTY "Plik jest pusty."
#define T_PLAN_READ_NOT_TEXT                                                   \
    "To nie jest plik tekstowy ani arkusz, który umiemy odczytać (PDF lub "  \
    "stary format Office: DOC, XLS). " T_PLAN_READ_FORMATS
#define T_PLAN_READ_BINARY                                                     \
    "Plik zawiera dane binarne, a nie tekst planu. " T_PLAN_READ_FORMATS
#define T_PLAN_READ_UTF8_DAMAGED                                               \
    "Plik w UTF-8 zawiera %zu błędnych bajtów (pierwszy w wierszu %d); "    \
    "zastąpiono je znakiem „\xEF\xBF\xBD”."
#define T_PLAN_READ_LINE_CP1250                                                \
    "Wiersz %d nie jest zapisany w UTF-8 jak reszta pliku (%zu bajtów "       \
    "spoza UTF-8); odczytano go jako Windows-1250 — sprawdź w nim polskie " \
    "znaki."
#define T_PLAN_READ_LINE_DAMAGED                                                 \
    "Wiersz %d zawiera %zu bajtów, których nie da się odczytać w kodowaniu " \
    "pliku; zastąpiono je znakiem „\xEF\xBF\xBD”."
#define T_PLAN_READ_ENCODING_ROWS                                              \
    "Błędne kodowanie ma jeszcze %d dalszych wierszy (wymieniono pierwsze "  \
    "50)."
#define T_PLAN_READ_ENCODING                                                   \
    "Nie rozpoznano kodowania pliku: to ani UTF-8, ani "                       \
    "Windows-1250."
#define T_PLAN_READ_CP1250                                                     \
    "Plik zapisano w kodowaniu Windows-1250; przekształcono "                 \
    "go do UTF-8."
#define T_PLAN_READ_UNCLOSED_QUOTE                                             \
    "Cudzysłów otwarty w wierszu %d nie został "                            \
    "zamknięty; plik może być ucięty."
#define T_PLAN_READ_ACTION_GOAL "Działanie %s stoi pod celem %s."
#define T_PLAN_READ_BAD_NUMBER "Nie można odczytać liczby „%s”."
#define T_PLAN_READ_TERM_WORD                                                  \
    "Nie rozpoznano terminu „%s”: nieznane słowo „%s” "               \
    "(oczekiwano miesięcy, np. „styczeń – grudzień "                    \
    "2024 r.” lub „II-XI”)."
#define T_PLAN_READ_TERM_RANGE                                                 \
    "Nie rozpoznano terminu „%s” (zły zakres lub "                        \
    "data)."
#define T_PLAN_READ_AS_ABOVE_FIRST                                             \
    "„%s” (jak wyżej), ale powyżej nie ma "                              \
    "realizatora."
#define T_PLAN_READ_NOTE_ROW_SOURCED                                           \
    "Wiersz %d ma już źródło finansowania, a uwaga "                       \
    "%s przypisuje mu kolejne."
#define T_PLAN_READ_NOTE_ROW_UNKNOWN                                           \
    "Uwaga %s wskazuje wiersz %d, którego nie "                               \
    "ma w planie."
#define T_PLAN_READ_ROW_CUT                                                    \
    "Wiersz ma %d kolumn, a nagłówek %d; wiersz mógł "                     \
    "zostać ucięty."
#define T_PLAN_READ_ROW_ORPHAN "Wiersz nie należy do żadnego zadania: „%s”."
#define T_PLAN_READ_ROW_UNKNOWN                                                \
    "Nie rozpoznano wiersza zaczynającego się od „%s”."
#define T_PLAN_READ_PERIOD "Nie rozpoznano okresu realizacji „%s”."
#define T_PLAN_READ_RENUMBERED                                                 \
    "Numeracja zadań w dokumencie powtarza się; "                            \
    "zadaniom nadano kolejne numery 1–%d."
#define T_PLAN_READ_NO_TITLE "Nie znaleziono tytułu projektu."
#define T_PLAN_READ_NO_GOALS "Nie znaleziono celów programu."
#define T_PLAN_READ_NO_HEADER                                                  \
    "Nie znaleziono nagłówka tabeli planu (wiersza z "                       \
    "kolumną „Lp.” i nazwami kolumn)."
#define T_PLAN_READ_NO_TASKS                                                   \
    "Tabela nie zawiera żadnego działania ani "                              \
    "zadania."
#define T_PLAN_READ_FORMULAS_COMPUTED                                          \
    "Formuły bez zapisanej wartości: %d (pierwsza w wierszu %d); "           \
    "policzono je z komórek arkusza."
#define T_PLAN_READ_FORMULAS                                                      \
    "Formuły bez zapisanej wartości, których nie policzono (liczone są "      \
    "sumy komórek i działania + − * /): %d (pierwsza w wierszu %d); otwórz " \
    "plik w Excelu "                                                              \
    "lub "                                                                        \
    "LibreOffice i zapisz go ponownie, aby je "                                   \
    "przeliczyć."
#define T_PLAN_READ_FORMULA_LEFT                                                \
    "Wiersz %d, kolumna %d: formuły „%s” nie policzono (liczone są sumy " \
    "komórek i działania + − * / na komórkach i liczbach); zapisz plik "   \
    "ponownie w Excelu lub LibreOffice, aby zapisać jej wartość."
#define T_PLAN_READ_TOO_LARGE "Plik ma %zu bajtów, a limit to %zu bajtów."
#define T_PLAN_READ_CANNOT_OPEN "Nie można otworzyć pliku: %s."
#define T_PLAN_READ_TOO_LARGE_FILE "Plik ma %lld bajtów, a limit to %zu bajtów."
#define T_PLAN_READ_SHORT_READ "Nie udało się odczytać całego pliku."

#endif
