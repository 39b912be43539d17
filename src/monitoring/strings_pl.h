/* Monitoring, registers and the annual report (issue 7): user-visible Polish
 * texts, T_* macros. */

/* Its entries of the main menu (module.inc). */
#define T_NAV_MONITORING "Monitorowanie"
#define T_NAV_REGISTERS "Rejestry"
#define T_NAV_MY_TASKS "Moje zadania"
#define T_NAV_MY_GRANTS "Moje dotacje"

#define T_MON_LEAD                                                             \
    "Realizacja planów rocznych: wartości wskaźników i wydatki "           \
    "według źródeł finansowania, ich zatwierdzanie oraz sprawozdanie roczne."
#define T_MON_PUBLIC_NOTE                                                      \
    "Sprawozdania i pulpity są dostępne po "                                 \
    "zalogowaniu; poniżej opublikowane plany roczne."
#define T_MON_PLANS_CAPTION "Plany roczne"
#define T_MON_NO_PLANS "Nie ma planów rocznych."
#define T_MON_REGION "Województwo"
#define T_MON_PROGRAMME "Program"
#define T_MON_PROGRAMME_YEAR "Rok programu"
#define T_MON_YEAR "Rok"
#define T_MON_ENTRIES "Wpisy realizacji"
#define T_MON_PENDING_COUNT "do zatwierdzenia"
#define T_MON_AT_RISK_COUNT "Wskaźniki zagrożone"
#define T_MON_NO_DATA_COUNT "Wskaźniki bez danych"
#define T_MON_LINKS "Odnośniki"
#define T_MON_LINK_PLAN "plan"
#define T_MON_DASHBOARD "Pulpit programu"
#define T_MON_DOWNLOAD "Pobierz"
#define T_MON_REPORT_TITLE "Sprawozdanie z realizacji za rok"
#define T_MON_ENTER_TITLE "Wprowadzanie realizacji"
#define T_MON_ENTER_LEAD                                                       \
    "Wpisz wartość za rok albo za kwartał (dla jednej "                     \
    "pozycji nie łączy się roku i kwartałów). Każdy wpis czeka na "      \
    "zatwierdzenie przez koordynatora; historia zmian jest zachowana."
#define T_MON_ENTRY_TITLE "Wpis realizacji"
#define T_MON_PENDING_TITLE "Wpisy do zatwierdzenia"
#define T_MON_PENDING_NONE "Nie ma wpisów czekających na zatwierdzenie."
#define T_MON_TASK "Zadanie"
#define T_MON_GOAL "Cel"
#define T_MON_NOT_YOURS                                                        \
    "nie jest przypisane do Twojej jednostki "                                 \
    "(tylko podgląd)"
#define T_MON_NOTHING_YOURS                                                    \
    "Żadne zadanie tego planu nie wymienia Twojej "                           \
    "jednostki wśród realizatorów."
#define T_MON_NO_ENTRIES "brak wpisów"
#define T_MON_PAGES "Strony planu (zadania)"
#define T_MON_PERIOD "Okres"
#define T_MON_VALUE "Wartość"
#define T_MON_VALUE_MONEY "Kwota wydana (zł)"
#define T_MON_NOTE "Uwagi"
#define T_MON_COMMENT "Komentarz"
#define T_MON_SAVE "Zapisz"
#define T_MON_BACK "Wróć"
#define T_MON_APPROVE "Zatwierdź"
#define T_MON_RETURN "Zwróć do poprawy"
#define T_MON_ENTERED_BY "Wprowadził(a)"
#define T_MON_HISTORY "Historia wpisu"
#define T_MON_ST_ENTERED "wprowadzony"
#define T_MON_ST_APPROVED "zatwierdzony"
#define T_MON_ST_RETURNED "zwrócony"
#define T_MON_APPROVED_VALUE "Wartość zatwierdzona"
#define T_MON_ISSUER "Wydał"
#define T_MON_RATES "Sprawozdawczość realizatorów"
#define T_MON_RATES_UNIT "Realizator"
#define T_MON_RATES_ITEMS "Pozycje zadań"
#define T_MON_RATES_REPORTED "Z wpisem"
#define T_MON_RATES_RATE "% pozycji z wpisem"
#define T_MON_RATES_OVERDUE "Zaległe po terminie"
#define T_MY_TASKS_TITLE "Moje zadania"
#define T_MY_TASKS_PLAN "Plan na rok"
#define T_MY_TASKS_LEAD                                                        \
    "Zadania, które realizują Twoje jednostki: co trzeba uzupełnić, co "   \
    "czeka na zatwierdzenie, co wróciło do poprawy z uwagą koordynatora."
#define T_MY_TASKS_NOT_IMPLEMENTER                                             \
    "Ta strona zbiera zadania jednostek realizatora. Realizację wszystkich "  \
    "zadań wprowadzasz na stronach planów w module monitorowania."
#define T_MY_TASKS_NONE                                                        \
    "Żadne zadanie nie jest przypisane do Twoich jednostek. Poproś "         \
    "koordynatora o przypisanie jednostki do zadań planu."
#define T_MY_TASKS_SUMMARY "Podsumowanie"
#define T_MY_TASKS_DUE "do uzupełnienia"
#define T_MY_TASKS_OVERDUE "po terminie"
#define T_MY_TASKS_PENDING "czeka na zatwierdzenie"
#define T_MY_TASKS_RETURNED "zwrócone do poprawy"
#define T_MY_TASKS_ENTER "Wprowadź lub popraw"
#define T_MY_TASKS_MISSING "brak wpisu, termin"
#define T_MY_TASKS_LINK "Moje zadania (realizator)"
#define T_MON_NARRATIVE "Opis realizacji"
#define T_MON_NARRATIVES "Opis realizacji zadań"
#define T_MON_NARRATIVE_SAVE "Zapisz opis"
#define T_MON_ERR_NARRATIVE_LONG                                               \
    "Opis realizacji jest za długi (do 8000 znaków)."
#define T_MON_ERR_DUE "Pole „Termin”: podaj datę w postaci RRRR-MM-DD."
#define T_MON_ERR_REOPEN_REASON                                                \
    "Podaj powód ponownego otwarcia okresu: jego dane były uznane za "       \
    "ostateczne."
#define T_MON_ERR_CLOSED                                                       \
    "Pole „Okres”: ten okres jest zamknięty. Wpis jest możliwy po jego " \
    "ponownym otwarciu przez koordynatora."
#define T_MON_CALENDAR "Kalendarz sprawozdawczy"
#define T_MON_DUE "Termin"
#define T_MON_CALENDAR_CHANGE "Zmiana"
#define T_MON_PERIOD_OPEN "otwarty"
#define T_MON_PERIOD_CLOSED "zamknięty"
#define T_MON_SAVE_DUE "Zapisz termin"
#define T_MON_CLOSE "Zamknij okres"
#define T_MON_REOPEN "Otwórz ponownie"
#define T_MON_OVERDUE "Zaległe sprawozdania"
#define T_MON_OVERDUE_NONE "Brak zaległości."
/* printf template: period, due date, items reported, items, rate */
#define T_MON_OVERDUE_ROW "%s (termin %s): %ld z %ld pozycji (%s %%)"
/* printf templates: the planned amount; the target; the parent's value */
#define T_MON_FLAG_ABOVE_BUDGET                                                \
    "Kwota przekracza plan tej pozycji budżetu z tego źródła (%s zł)."
#define T_MON_FLAG_OVER_TARGET                                                 \
    "Wartość przekracza ponad dziesięciokrotnie wartość docelową (%s)."
#define T_MON_FLAG_ABOVE_PARENT                                                   \
    "Wartość w podziale jest większa niż wartość całego wskaźnika w tym " \
    "okresie (%s)."
#define T_MON_FLAG_CONFIRM                                                     \
    "Jeśli wartość jest prawidłowa, podaj uzasadnienie w polu "            \
    "„Uzasadnienie” i zapisz ponownie."
#define T_MON_REASON "Uzasadnienie"
#define T_MON_FLAG "Uwaga do wartości"
#define T_MON_FIX_TITLE "Popraw wpis realizacji"
#define T_MON_PROGRESS_TITLE "Postęp realizacji"
#define T_MON_KIND_PROGRAMME "Program"
#define T_MON_KIND_PROJECT "Projekt"
#define T_MON_YEARS "Lata realizacji"
#define T_MON_GOALS "Cele"
#define T_MON_RESULTS "Wskaźniki i ich realizacja"
#define T_MON_COL_UNIT "Jednostka"
#define T_MON_COL_PERIOD_TARGET "Wartość docelowa"
#define T_MON_COL_TO_DATE "Razem zatwierdzone"
/* An indicator counted from the trainings' records (issue 18). */
#define T_MON_COUNTED "(policzone z ewidencji)"
#define T_MON_ENTERED "(wpisane ręcznie)"
#define T_MON_INST_BY_KIND "Instytucje objęte wsparciem według rodzaju"
#define T_MON_INST_KIND "Rodzaj instytucji"
#define T_MON_INST_COUNT "Liczba instytucji"
#define T_MON_METRIC_TRAININGS                                                 \
    "ewidencja szkoleń (uczestnicy obecni, każdy raz)"
#define T_MON_COUNTED_HOW "Jak liczone są wskaźniki policzone z ewidencji"
#define T_MON_COUNTED_RULE                                                         \
    "Gdzie ewidencja ma dane dla wskaźnika, pokazana jest liczba z "              \
    "ewidencji, a wartości wpisane ręcznie nie są do niej dodawane. Wartość " \
    "wpisana ręcznie (suma zatwierdzonych wpisów) jest pokazana tylko dla "      \
    "wskaźnika, dla którego ewidencja nie ma danych, z dopiskiem "               \
    "„(wpisane ręcznie)”. Tę samą regułę stosuje sprawozdanie roczne."
#define T_MON_COL_PCT_TARGET "% wartości docelowej"
#define T_MON_NO_INDICATORS                                                    \
    "Dokument nie określa wskaźników z wartościami docelowymi."
#define T_MON_PROJECT_BUDGET "Budżet projektu"
#define T_MON_PROJECT_VALUE "Wartość projektu"
#define T_MON_EU_FUNDING "Dofinansowanie z UE"
#define T_MON_PROJECT_SPENT "Wydatki zatwierdzone"
#define T_MON_PROJECT_SPENT_PCT "% wartości projektu"
#define T_MON_PROJECT_SPENT_EU "Część wydatków finansowana z UE"
#define T_MON_PROJECT_SPENDING "Wydatki projektu"
#define T_MON_NEW_ENTRY "Nowy wpis realizacji"
#define T_MON_PERIOD_HINT "rok (np. 2024) albo kwartał (np. 2024-Q2)"
/* printf templates: a date in words; a date and the version */
#define T_MON_DRAFT_AS_OF "Wersja robocza, stan na %s"
#define T_MON_ADOPTED_ON "Sprawozdanie przyjęte %s (wersja %d)"
/* printf template: page n of m */
#define T_MON_PAGE_OF "Strona %d z %d"
#define T_MON_ADOPT_BUTTON "Przyjmij sprawozdanie jako ostateczne"
#define T_MON_ADOPT_HINT                                                          \
    "Przyjęte sprawozdanie zostaje zapisane w postaci, w jakiej jest teraz "     \
    "(PDF, XLSX, HTML, JSON); późniejsze zmiany go nie zmieniają. Poprawione " \
    "sprawozdanie przyjmuje się ponownie jako kolejną wersję."
#define T_MON_ADOPTED_LIST "Przyjęte sprawozdania"
#define T_MON_ADOPTED_REPORT "Sprawozdanie przyjęte, wersja"
#define T_MON_PLAN_TEXT "Treść planu"
#define T_MON_ADOPTED_NONE                                                     \
    "Sprawozdanie z realizacji tego planu nie zostało jeszcze przyjęte."
#define T_MON_ADOPTED_DONE "Sprawozdanie przyjęto."
/* printf template: the number of pending entries */
#define T_MON_ERR_ADOPT_PENDING                                                \
    "Sprawozdania nie można przyjąć: %ld wpis(ów) czeka na decyzję. "     \
    "Zatwierdź "                                                              \
    "je lub zwróć do poprawy."
#define T_MON_APPROVED_SHORT "zatwierdzona"
#define T_MON_NONE_APPROVED "brak zatwierdzonej"
#define T_MON_PREVIOUS_APPROVED "Dotąd zatwierdzona"
#define T_MON_IF_APPROVED "z oczekującymi"
#define T_MON_PENDING_NOTE                                                       \
    "Raport liczy wyłącznie wartości zatwierdzone. Wartości oczekujące na " \
    "zatwierdzenie pokazano obok, oznaczone, i nie wchodzą do sum."
#define T_MON_EV_ENTER "wprowadzenie"
#define T_MON_EV_APPROVE "zatwierdzenie"
#define T_MON_EV_RETURN "zwrot do poprawy"
#define T_MON_PLANNED "Plan"
#define T_MON_SPENT "Wydatki"
#define T_MON_TOTAL "Razem"
#define T_MON_COMPUTED "wyliczany z rejestru"
#define T_MON_COL_TASK "Zadanie"
#define T_MON_COL_INDICATOR "Wskaźnik"
#define T_MON_COL_TARGET "Cel na rok"
#define T_MON_COL_REAL "Realizacja"
#define T_MON_COL_PCT "% wykonania"
#define T_MON_COL_MULTI_TARGET "Cel programu"
#define T_MON_COL_MULTI_REAL "Narastająco"
#define T_MON_COL_MULTI_PCT "% celu programu"
#define T_MON_COL_STATUS "Stan"
#define T_MON_COL_SOURCE "Źródło finansowania"
#define T_MON_COL_ITEM "Pozycja"
#define T_MON_COL_ENTRIES "Wpisy"
#define T_MON_COL_NEW "Nowy wpis"
#define T_MON_COL_VALUE "Wartość"
#define T_MON_COL_WHEN "Kiedy"
#define T_MON_COL_WHO "Kto"
#define T_MON_COL_EVENT "Zdarzenie"
#define T_MON_COL_DECISION "Decyzja"
#define T_MON_COL_TERM "Termin"
#define T_MON_COL_IMPLEMENTERS "Realizatorzy"
#define T_MON_OK "w normie"
#define T_MON_AT_RISK "ZAGROŻONY"
#define T_MON_PENDING "w normie (część wpisów niezatwierdzona)"
#define T_MON_NO_DATA "brak danych"
#define T_MON_NO_DATA_RISK "ZAGROŻONY — brak danych"
#define T_MON_RISK_RULE                                                        \
    "Wskaźnik jest zagrożony, gdy realizacja roczna "                        \
    "jest niższa niż 90% celu na rok albo realizacja narastająco jest "     \
    "niższa niż 90% celu programu rozłożonego równo na lata programu "    \
    "(od drugiego roku programu). "                                            \
    "Realizacja to suma wpisów wprowadzonych i zatwierdzonych (bez "          \
    "zwróconych) albo wartość wyliczona z rejestru."
#define T_MON_GOALS_PROGRESS "Postęp realizacji celów"
#define T_MON_PROGRESS "postęp"
#define T_MON_BUDGET "Budżet: plan i wydatki"
#define T_MON_CHART_GOALS                                                      \
    "Postęp celów: średni procent wykonania "                               \
    "wskaźników rocznych (do 100%)"
#define T_MON_CHART_GOALS_CAPTION                                              \
    "Średnia z wykonania wskaźników głównych "                            \
    "każdego celu; wartości liczbowe obok słupków."
#define T_MON_CHART_BUDGET "Plan i wydatki według źródeł finansowania"
#define T_MON_CHART_BUDGET_CAPTION                                             \
    "Jaśniejszy słupek: plan, ciemniejszy: "                                 \
    "wydatki; kwoty w zł nad słupkami."
#define T_MON_TABLE_INDICATORS "Wskaźniki: plan i realizacja w roku"
#define T_MON_TABLE_BUDGET "Budżet według źródeł finansowania (zł)"
#define T_MON_TABLE_BUDGET_TASKS "Budżet według zadań (zł)"
#define T_MON_ATTENTION "Zadania wymagające uwagi"
#define T_MON_ATTENTION_CAPTION "Zadania opóźnione lub bez danych"
#define T_MON_TASK_LATE "opóźnione (wskaźnik zagrożony)"
#define T_MON_TASK_NO_DATA "bez danych"
#define T_MON_LATEST "Ostatnie zmiany"
#define T_MON_BIND_TITLE "Wskaźniki wyliczane z rejestrów"
#define T_MON_BIND_LEAD                                                        \
    "Powiąż wskaźnik z rejestrem i filtrem; jego "                          \
    "realizacja będzie wtedy liczona z rejestru, a nie wpisywana."
#define T_MON_BIND_TASK                                                        \
    "Tylko wpisy rejestru dla zadania (np. 1.1; puste: "                       \
    "wszystkie)"
#define T_MON_METRIC "Rejestr i miara"
#define T_MON_UNBIND "— bez powiązania (wpisywany ręcznie) —"
#define T_MON_FILTER "Filtr"
#define T_MON_FILTER_NONE "— bez filtra —"
#define T_MON_METRIC_EVENTS "wydarzenia (szkolenia, konferencje …) w roku"
#define T_MON_METRIC_PARTICIPANTS "uczestnicy wydarzeń w roku"
#define T_MON_METRIC_GRANTS "otwarte konkursy ofert"
#define T_MON_METRIC_ADOPTION "ośrodki adopcyjne"
#define T_MON_METRIC_PUBLICATIONS "publikacje i kampanie"
#define T_MON_METRIC_HELPLINE_CONTACTS "kontakty Niebieskiej Linii w roku"
#define T_MON_HELPLINE_PROFESSIONALS "tylko konsultacje dla profesjonalistów"
#define T_MON_METRIC_HELPLINE_AGREEMENTS                                       \
    "gminy z porozumieniem na koniec "                                         \
    "roku"
#define T_MON_GROUP_TEAM                                                       \
    "członkowie zespołów interdyscyplinarnych i grup "                      \
    "roboczych"
#define T_MON_GROUP_GKRPA "członkowie GKRPA"
#define T_MON_GROUP_TEACHERS "pedagodzy, nauczyciele, pracownicy poradni"
#define T_MON_GROUP_PROBATION "kuratorzy sądowi"
#define T_MON_GROUP_POLICE "policjanci"
#define T_MON_GROUP_SOCIAL "pracownicy socjalni"
#define T_MON_GROUP_OTHER "inni"
#define T_MON_ERR_NOT_YEARLY                                                   \
    "Plan nie ma określonych lat realizacji, więc nie można do niego "      \
    "wpisywać realizacji."
#define T_MON_ERR_ITEM                                                         \
    "Nie ma takiej pozycji planu (wskaźnika albo wiersza "                    \
    "budżetu ze źródłem finansowania)."
/* printf template: first year, last year, first year */
#define T_MON_ERR_PERIOD                                                       \
    "Pole „Okres”: podaj rok z lat %d–%d albo kwartał, np. %d-Q1."
#define T_MON_ERR_VALUE                                                        \
    "Pole „Wartość”: podaj liczbę nieujemną (kwotę "                  \
    "w zł, np. 1 234,56)."
#define T_MON_ERR_NOTE "Pole „Uwagi”: najwyżej 2000 znaków."
#define T_MON_ERR_REGION "To zadanie należy do innego województwa."
#define T_MON_ERR_NOT_YOUR_TASK                                                \
    "To zadanie nie jest przypisane do Twojej "                                \
    "jednostki: realizatorzy zadania nie wymieniają żadnej z Twoich "        \
    "jednostek."
#define T_MON_ERR_MIXED                                                        \
    "Dla tej pozycji są już wpisy za inny rodzaj "                           \
    "okresu: nie łącz wpisu rocznego z kwartalnymi."
#define T_MON_ERR_COMMENT                                                      \
    "Pole „Komentarz”: przy zwrocie do poprawy "                           \
    "napisz, co poprawić."
#define T_MON_ERR_NOT_PENDING "Ten wpis nie czeka na zatwierdzenie."
#define T_MON_ERR_DECISION "Wybierz: zatwierdź albo zwróć do poprawy."
#define T_MON_ERR_FORM "Formularz jest niepełny (plan, pozycja, okres)."
#define T_MON_ERR_METRIC "Nieznany rejestr lub miara."
#define T_MON_ERR_FILTER                                                       \
    "Ten filtr nie pasuje do wybranego rejestru (albo "                        \
    "rejestr wymaga filtra)."
#define T_MON_ERR_FORMAT "Parametr format: html, json, xlsx albo pdf."
#define T_MON_DEMO_NOTE "dane demonstracyjne"

#define T_REG_LEAD                                                             \
    "Rejestry, z których wylicza się wskaźniki: wydarzenia "                \
    "(szkolenia, konferencje, kampanie), otwarte konkursy ofert, dane "        \
    "ośrodków adopcyjnych, publikacje."
#define T_REG_RECORDS "wpisów"
#define T_REG_EVENTS "Szkolenia i wydarzenia"
#define T_REG_GRANTS "Otwarte konkursy ofert"
#define T_REG_ADOPTION "Ośrodki adopcyjne"
#define T_REG_PUBLICATIONS "Publikacje i kampanie"
#define T_REG_F_KIND "Rodzaj"
#define T_REG_F_TITLE "Tytuł"
#define T_REG_F_DATE_FROM "Data rozpoczęcia"
#define T_REG_F_DATE_TO "Data zakończenia"
#define T_REG_F_GMINA "Gmina (kod TERYT)"
#define T_REG_F_PLACE "Miejsce"
#define T_REG_F_ORGANISER "Organizator"
#define T_REG_F_TASK "Zadanie planu"
#define T_REG_F_NOTE "Uwagi"
#define T_REG_F_YEAR "Rok"
#define T_REG_F_CALL "Konkurs (ogłoszenie)"
#define T_REG_F_AREA "Obszar"
#define T_REG_F_BUDGET "Budżet konkursu (zł)"
#define T_REG_F_OFFERS "Złożone oferty"
#define T_REG_F_AWARDS "Przyznane dotacje"
#define T_REG_F_AWARDED "Kwota dotacji (zł)"
#define T_REG_F_INITIATIVES "Inicjatywy"
#define T_REG_F_BENEFICIARIES "Beneficjenci ostateczni"
#define T_REG_F_CENTRE "Ośrodek"
#define T_REG_F_TRAINED_ADOPTIVE                                               \
    "Przeszkoleni kandydaci na rodziców "                                     \
    "adopcyjnych"
#define T_REG_F_TRAINED_FOSTER "Przeszkoleni kandydaci do pieczy zastępczej"
#define T_REG_F_FAMILIES "Utworzone rodziny adopcyjne"
#define T_REG_F_CHILDREN "Dzieci przysposobione"
#define T_REG_F_EDITIONS "Edycje"
#define T_REG_F_COPIES "Egzemplarze"
#define T_REG_F_BROADCASTS "Emisje"
#define T_REG_PARTICIPANTS "Uczestnicy razem"
#define T_REG_YEAR_FILTER "Rok"
#define T_REG_SHOW "Pokaż"
#define T_REG_CSV_EXPORT "Pobierz CSV"
#define T_REG_CSV_IMPORT "Wczytaj CSV"
#define T_REG_CSV_IMPORT_LEAD                                                  \
    "Plik w układzie pobranego CSV (nagłówki: "                             \
    "nazwy pól albo ich opisy; separator ; lub ,). Wczytuje się cały "      \
    "albo nic."
#define T_REG_CSV_FILE "Plik CSV"
#define T_REG_REGION "Województwo (kod, np. 04)"
#define T_REG_NEW "Nowy wpis"
#define T_REG_EDIT "Zmiana wpisu"
#define T_REG_DELETE "Usuń wpis"
#define T_REG_DELETE_CONFIRM "Tak, usuń ten wpis"
#define T_REG_IMPORTED "Wczytano wpisów"
#define T_REG_IMPORT_NOTHING                                                   \
    "Nic nie zapisano: popraw plik i wczytaj go "                              \
    "ponownie."
/* How every message about one field of a record begins (T_REG_ERR_*). */
#define T_REG_ERR_FIELD "Pole „%s”:"
#define T_REG_ERR_REQUIRED "Pole „%s”: wymagane."
#define T_REG_ERR_TEXT                                                         \
    "Pole „%s”: nieprawidłowy tekst (UTF-8, najwyżej "                   \
    "2000 znaków)."
#define T_REG_ERR_COUNT                                                        \
    "Pole „%s”: „%s” nie jest liczbą całkowitą "                    \
    "nieujemną."
#define T_REG_ERR_YEAR "Pole „%s”: „%s” nie jest rokiem 2000–2100."
#define T_REG_ERR_MONEY "Pole „%s”: „%s” nie jest kwotą (np. 1 234,56)."
#define T_REG_ERR_DATE "Pole „%s”: „%s” nie jest datą RRRR-MM-DD."
#define T_REG_ERR_DATE_ORDER                                                   \
    "Pole „%s”: data zakończenia jest wcześniejsza "                     \
    "niż data rozpoczęcia."
#define T_REG_ERR_CHOICE "Pole „%s”: nieznana wartość „%s”."
#define T_REG_ERR_GMINA                                                        \
    "Pole „%s”: „%s” nie jest kodem TERYT gminy tego "                 \
    "województwa."
#define T_REG_ERR_CSV_EMPTY                                                    \
    "Plik jest pusty albo nie jest tekstem w UTF-8 ani w Windows-1250."
#define T_REG_ERR_CSV_COLUMN "Kolumna %d: nieznany nagłówek „%s”."
#define T_REG_ERR_CSV_MISSING "Brak wymaganej kolumny „%s”."
#define T_REG_ERR_CSV_ROW "Wiersz %d: %s"
#define T_REG_ERR_CSV_LIMIT                                                    \
    "Plik przekracza limit %d wierszy po %d kolumn (w wierszu %d)."
#define T_REG_ERR_NO_FILE "Wybierz plik CSV."
#define T_REG_ERR_REGION                                                       \
    "Pole „Województwo”: podaj kod województwa "                         \
    "obsługiwanego w tej instalacji."
#define T_REG_ERR_TOO_BIG "Plik jest za duży (najwyżej 5 MB)."
#define T_REG_ERR_CONFIRM "Zaznacz potwierdzenie usunięcia."
#define T_REG_ERR_YEAR_ARG "Parametr rok: 2000–2100."
#define T_MON_PDF_TASK "Zad."
#define T_MON_PDF_TARGET "Cel roku"
#define T_MON_PDF_REAL "Realiz."
#define T_MON_PDF_MULTI_TARGET "Cel progr."
#define T_MON_PDF_MULTI_REAL "Narast."
#define T_MON_PDF_MULTI_PCT "% progr."
#define T_MON_DEMO_WARN "Uwaga: dane demonstracyjne."
#define T_MON_DEMO_WARN2                                                       \
    "wpisów realizacji to wartości wymyślone do "                           \
    "pokazu (oznaczone „dane demonstracyjne”), nie dane z urzędu."
/* Grant awards and grantees' reports (grant_store.c, grant_pages.c) */
#define T_GRANT_MINE_TITLE "Moje dotacje — sprawozdania"
#define T_GRANT_MINE_LEAD                                                      \
    "Dotacje przyznane Twojej organizacji "                                    \
    "w otwartych konkursach ofert. Podaj dla każdej liczbę zrealizowanych "  \
    "inicjatyw i beneficjentów ostatecznych."
#define T_GRANT_MINE_CALLS                                                     \
    "Dotacje z naborów prowadzonych w systemie, także te przeniesione z "    \
    "rejestru konkursów, ich umowy i sprawozdania są w zakładce "           \
    "<a href=\"/moje-oferty\">Moje oferty</a>."
#define T_GRANT_KEPT_BY_CALL                                                   \
    "Ten konkurs prowadzi moduł naborów (nabór nr %ld): dotacje, umowy i "  \
    "sprawozdania zmienia się w naborze, pod adresem /nabory/%ld."
#define T_GRANT_MINE_NONE                                                      \
    "Nie ma dotacji przypisanych do Twojej "                                   \
    "organizacji. Jeśli to błąd, poproś administratora o przypisanie "     \
    "Twojej organizacji (z listy organizacji) do konta."
#define T_GRANT_MINE_CAPTION "Dotacje Twojej organizacji"
#define T_GRANT_AWARDS_TITLE "Dotacje konkursu"
#define T_GRANT_AWARDS_CAPTION                                                 \
    "Dotacje przyznane w konkursie i "                                         \
    "sprawozdania organizacji"
#define T_GRANT_AWARDS_RULE                                                    \
    "Wskaźniki obliczane „inicjatywy” i "                                 \
    "„beneficjenci ostateczni” biorą sumę sprawozdań organizacji, gdy " \
    "choć jedna dotacja konkursu ma sprawozdanie; wcześniej — wartości "  \
    "wpisane w rejestrze konkursu."
#define T_GRANT_AWARDS_NONE "Nie wpisano jeszcze dotacji tego konkursu."
#define T_GRANT_AWARDS_LINK "Dotacje i sprawozdania"
#define T_GRANT_AWARD_ADD "Dodaj dotację"
#define T_GRANT_AWARD_DELETE "Usuń"
#define T_GRANT_REPORTED_SUM "Suma sprawozdań"
#define T_GRANT_F_ORGANISATION "Organizacja"
#define T_GRANT_F_PROJECT "Zadanie (projekt)"
#define T_GRANT_F_AMOUNT "Kwota dotacji (zł)"
#define T_GRANT_F_REPORT_NOTE "Uwagi do sprawozdania"
#define T_GRANT_REPORTED "Sprawozdanie"
#define T_GRANT_NOT_REPORTED "brak sprawozdania"
#define T_GRANT_REPORTED_BY "złożone przez %s, %s"
#define T_GRANT_REPORT_TITLE "Sprawozdanie z dotacji"
#define T_GRANT_REPORT_SAVE "Zapisz sprawozdanie"
#define T_GRANT_REPORT_SAVED "Sprawozdanie zapisano."
#define T_GRANT_REPORT_ACTION "Złóż lub popraw sprawozdanie"
#define T_GRANT_COMPETITION "Konkurs"
#define T_GRANT_ERR_COUNT                                                      \
    "Pole „%s”: „%s” nie jest liczbą całkowitą "                    \
    "nieujemną (wymagane)."
#define T_GRANT_ERR_FORM "Sprawozdania nie zapisano — popraw pola:"
#define T_GRANT_MINE_LINK "Moje dotacje — sprawozdania organizacji"
/* JSON API of the registers (register_api.c) */
#define T_REG_JSON "JSON"

/* Labels of the registers' kinds and measures, in the order of their keys
** (initializers). */
#define T_MON_EVENT_KIND_LABELS                                                \
    "szkolenie", "konferencja", "warsztaty", "seminarium", "superwizja",       \
        "spotkanie", "kampania", "audycja", "festyn"
#define T_MON_GRANT_LABELS                                                     \
    "konkursy", "złożone oferty", "przyznane dotacje", "inicjatywy",           \
        "beneficjenci ostateczni"
#define T_MON_ADOPTION_LABELS                                                  \
    "przeszkoleni kandydaci na rodziców adopcyjnych",                          \
        "przeszkoleni kandydaci do pieczy zastępczej",                         \
        "utworzone rodziny adopcyjne", "dzieci przysposobione"
#define T_MON_PUBLICATION_LABELS "pozycje", "edycje", "egzemplarze", "emisje"
#define T_REG_PUB_KIND_LABELS                                                  \
    "publikacja", "poradnik", "ulotka", "plakat", "kampania", "spot",          \
        "audycja", "artykuł"

/* A reporting period of a whole year. */
#define T_MON_PERIOD_YEAR "rok %s"

/* Sheet names of the annual report workbook. */
#define T_MON_SHEET_INDICATORS "Wskaźniki"
#define T_MON_SHEET_BUDGET "Budżet"

/* The observatory's indicator (obs_store.c). */
#define T_MON_OBS_PARTICIPANTS "Uczestnicy szkoleń, konferencji i warsztatów"
#define T_MON_OBS_PARTICIPANTS_UNIT "uczestnicy"
#define T_MON_OBS_PARTICIPANTS_METHOD                                          \
    "Suma uczestników wszystkich grup zawodowych z rejestru szkoleń, "       \
    "konferencji, warsztatów i superwizji, według gminy, w której odbyło " \
    "się wydarzenie, i roku jego rozpoczęcia; wydarzenia bez gminy nie są " \
    "przypisane. Dla powiatu: suma jego gmin."
