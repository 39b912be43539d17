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
/* The quick exit (issue 15): a neutral site, fetched only on click. */
#define QUICK_EXIT_URL "https://www.google.pl/"
#define T_QUICK_EXIT "Szybkie wyjście — opuść tę stronę"
#define T_FOOTER                                                               \
    "Rodzina — system informacyjny regionalnego ośrodka "                   \
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
#define T_NAV_MY_TASKS "Moje zadania"
#define T_NAV_MY_GRANTS "Moje dotacje"
#define T_NAV_REGION_SETTINGS "Ustawienia regionów"
#define T_NAV_AUDIT "Dziennik zmian"
#define T_NAV_SYSTEM "System"

#define T_HOME_TITLE "Rodzina — strona główna"
#define T_HOME_LEAD                                                            \
    "Planowanie, finansowanie, realizacja i rozliczanie "                      \
    "regionalnych programów wsparcia rodziny i przeciwdziałania przemocy "   \
    "domowej."
#define T_HOME_HELP "Szukasz pomocy?"
#define T_HOME_HELP_WHERE "Gdzie mieszkasz? (gmina lub miasto)"
#define T_HOME_HELP_BUTTON "Pokaż, gdzie szukać pomocy"
#define T_HOME_HELP_LINE                                                       \
    "Możesz też zadzwonić. W nagłej sytuacji dzwoń pod 112."
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
#define T_TERYT_SEARCH_HINT                                                    \
    "Wpisz początek nazwy — polskie znaki nie są "                         \
    "wymagane (np. „lodz”, „torun”)."
#define T_TERYT_NO_RESULTS "Nie znaleziono gminy o takiej nazwie."
#define T_TERYT_RESULTS "Wyniki wyszukiwania"
#define T_RODZ_1 "gmina miejska"
#define T_RODZ_2 "gmina wiejska"
#define T_RODZ_3 "gmina miejsko-wiejska"

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

#define T_LOGIN_TITLE "Logowanie"
#define T_LOGIN_LOGIN "Login"
#define T_LOGIN_PASSWORD "Hasło"
#define T_LOGIN_BUTTON "Zaloguj się"
#define T_LOGIN_LINK "Zaloguj się"
#define T_LOGOUT_BUTTON "Wyloguj się"
#define T_LOGIN_FAILED "Nieprawidłowy login lub hasło."
/* printf template: seconds to wait */
#define T_LOGIN_THROTTLED                                                       \
    "Zbyt wiele nieudanych prób logowania. Następna próba będzie możliwa " \
    "za %lld s."
#define T_LOGIN_AS "Zalogowano:"
#define T_USERS_TITLE "Użytkownicy"
#define T_USERS_ADD "Dodaj konto"
#define T_USERS_ROLE "Rola"
#define T_USERS_ROLE_CHOOSE "— wybierz rolę —"
#define T_USERS_ERR_ROLE "Wybierz rolę konta: nowe konto nie ma żadnej roli."
#define T_USERS_REGION "Region (kod województwa)"
#define T_USERS_UNIT                                                           \
    "Jednostka realizująca lub organizacja (dla realizatora i organizacji)"
#define T_USERS_UNIT_NONE "— żadna —"
#define T_USERS_KIND_IMPLEMENTER "jednostką realizującą"
#define T_USERS_KIND_ORGANISATION "organizacją"
#define T_USERS_UNIT_OPTION "%s · %s · %s (nr %ld)"
#define T_USERS_ERR_UNIT_ID                                                    \
    "Jednostka nr %ld nie istnieje albo nie jest %s: wybierz ją z listy."
#define T_USERS_ERR_UNIT_REGION                                                \
    "Jednostka nr %ld („%s”) należy do województwa %s, a konto do innego."
#define T_USERS_STATE "Stan"
#define T_USERS_ACTIVE "aktywne"
#define T_USERS_DISABLED "zablokowane"
#define T_USERS_DISABLE "Zablokuj"
#define T_USERS_ENABLE "Odblokuj"
#define T_USERS_CREATED "Utworzono"
#define T_USERS_UNITS "Jednostki"
#define T_USERS_ALL_REGIONS "wszystkie"
#define T_USERS_ADDED "Konto zostało dodane."
#define T_USERS_PASSWORD "Ustaw nowe hasło konta"
#define T_USERS_NEW_PASSWORD "Nowe hasło (co najmniej 12 znaków)"
#define T_USERS_PASSWORD_SET                                                   \
    "Hasło zostało zmienione; sesje konta "                                  \
    "zakończono."
#define T_USERS_NO_ACCOUNT "Nie ma konta o takim loginie."
#define T_AUDIT_TITLE "Dziennik zmian"
#define T_AUDIT_WHEN "Kiedy"
#define T_AUDIT_WHO "Kto"
#define T_AUDIT_ACTION "Czynność"
#define T_AUDIT_RECORD "Rekord"
#define T_AUDIT_CHANGE "Zmiana"
#define T_AUDIT_FILTER "Filtruj"
#define T_AUDIT_FROM "Od dnia"
#define T_AUDIT_TO "Do dnia (bez niego)"
#define T_AUDIT_CSV "Pobierz CSV"
#define T_AUDIT_NONE "Brak wpisów spełniających warunki."
/* printf template: first, last, total */
#define T_AUDIT_SHOWN "Wpisy %lld–%lld z %lld."
#define T_AUDIT_PAGES "Strony dziennika"
#define T_AUDIT_NEWER "← nowsze"
#define T_AUDIT_OLDER "starsze →"

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

/* Each module's texts, kept beside its code. */
#include "directory/strings_pl.h"
#include "helpline/strings_pl.h"
#include "monitoring/strings_pl.h"
#include "ops/strings_pl.h"

#endif
