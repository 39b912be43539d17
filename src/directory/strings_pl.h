/* Services directory (issue 5): user-visible Polish texts, T_* macros. */

/* Its entries of the main menu (module.inc). */
#define T_NAV_SERVICES "Gdzie szukać pomocy"

#define T_DIR_TITLE "Gdzie szukać pomocy"
#define T_DIR_LEAD                                                               \
    "Wpisz, gdzie mieszkasz, a zobaczysz instytucje i usługi "                  \
    "dla Twojej gminy, Twojego powiatu i całego województwa: ośrodki pomocy " \
    "społecznej, centra pomocy rodzinie, interwencję kryzysową, pomoc "       \
    "prawną, ośrodki adopcyjne i telefony zaufania."
#define T_DIR_PLACE_LABEL                                                      \
    "Gdzie mieszkasz? (gmina, miejscowość lub kod pocztowy)"
#define T_DIR_PLACE_HINT                                                             \
    "Np. „Toruń”, „Grębocin” albo „87-100” — polskie znaki nie są " \
    "wymagane, drobna literówka też nie przeszkadza."
#define T_DIR_Q_LABEL "Czego szukasz? (opcjonalnie)"
#define T_DIR_Q_HINT "Np. „ośrodek interwencji”, „adopcja”, „prawnik”."
#define T_DIR_ANY_CATEGORY "wszystkie rodzaje pomocy"
#define T_DIR_ANY_TARGET "wszystkie grupy"
#define T_DIR_OPEN_ONLY "Tylko otwarte teraz"
#define T_DIR_SEARCH_BUTTON "Szukaj pomocy"
#define T_DIR_CHOOSE_GMINA "Której gminy szukasz?"
#define T_DIR_CHOOSE_PLACE "Której miejscowości szukasz?"
/* "Grębocin — gmina Lubicz, powiat toruński" */
#define T_DIR_PLACE_IN "%s — gmina %s, powiat %s"
#define T_DIR_PLACE_SHOWN "Pokazujemy pomoc dla: %s."
#define T_DIR_OTHER_PLACES "Inne miejsca o tej nazwie:"
#define T_DIR_CRISIS_TITLE "Potrzebujesz pomocy teraz? Zadzwoń"
#define T_DIR_CRISIS_NOTE                                                      \
    "Numery bezpłatne. W nagłym wypadku, gdy zagrożone jest życie lub "    \
    "zdrowie, dzwoń pod 112."
#define T_DIR_NO_CONTACT_HELP                                                  \
    "brak danych kontaktowych tej usługi — zapytaj w ośrodku pomocy "      \
    "społecznej swojej gminy albo zadzwoń pod jeden z numerów na górze "   \
    "strony"
#define T_DIR_INFO_LINE "informacja w województwie:"
#define T_DIR_PLACE_AS_TEXT                                                    \
    "Nie znaleziono gminy o nazwie „%s”: "                                 \
    "pokazujemy usługi, w których opisie lub adresie występuje ta nazwa."
#define T_DIR_RESULTS_FOR "Pomoc dla mieszkańców gminy"
#define T_DIR_FOUND "Znalezione usługi"
#define T_DIR_NONE                                                             \
    "Nie znaleziono usług spełniających te warunki. Spróbuj "              \
    "bez filtrów albo zadzwoń pod jeden z numerów na górze strony; w "     \
    "nagłym wypadku dzwoń pod 112."
#define T_DIR_LEVEL_GMINA "W Twojej gminie"
#define T_DIR_LEVEL_POWIAT "W Twoim powiecie"
#define T_DIR_LEVEL_REGION "Dla całego województwa"
#define T_DIR_LEVEL_ANY "Wyniki"
/* Paging of one group of results: "Pokazano 21–40 z 134." */
#define T_DIR_SHOWN "Pokazano %d–%d z %d."
#define T_DIR_MORE "Więcej wyników: %s"
#define T_DIR_NEXT "Następne wyniki: %s"
#define T_DIR_PREV "Poprzednie wyniki"
#define T_DIR_ALL_GROUPS "Wszystkie grupy wyników"
#define T_DIR_POWIAT "powiat"
#define T_DIR_WOJ "województwo"
#define T_DIR_GMINA_OF "gmina"
#define T_DIR_CATEGORY "Rodzaj pomocy"
#define T_DIR_TARGETS "Dla kogo"
#define T_DIR_WHERE "Gdzie"
#define T_DIR_WHEN "Kiedy"
#define T_DIR_CONTACT "Kontakt"
#define T_DIR_PHONE "tel."
#define T_DIR_NO_CONTACT "brak danych kontaktowych"
#define T_DIR_HOURS_UNKNOWN "godziny nie zostały podane"
#define T_DIR_OPEN_NOW "otwarte teraz"
#define T_DIR_CLOSED_NOW "teraz zamknięte"
#define T_DIR_CONFIDENTIAL "Adres poufny — skontaktuj się telefonicznie"
#define T_DIR_CONFIDENTIAL_SHORT "adres poufny"
#define T_DIR_COST "Koszt"
#define T_DIR_LANGUAGES "Języki"
#define T_DIR_HOW_TO_APPLY "Jak skorzystać"
#define T_DIR_ORG "Instytucja"
#define T_DIR_ORGS "Instytucje"
#define T_DIR_AREA "Obszar działania"
#define T_DIR_AREA_GMINA "gmina"
#define T_DIR_AREA_POWIAT "powiat"
#define T_DIR_AREA_REGION "województwo"
#define T_DIR_MAP "Pokaż na mapie (OpenStreetMap)"
#define T_DIR_MAP_NOTE "— otwiera zewnętrzną stronę."
#define T_DIR_PRINT "Wersja do druku"
#define T_DIR_PRINT_HINT                                                       \
    "Wydrukuj tę stronę poleceniem drukowania "                              \
    "przeglądarki (Ctrl+P)."
#define T_DIR_ADDRESS_OF_PAGE "Adres tej strony"
#define T_DIR_STATE_AT "stan na"
#define T_DIR_BACK "Wróć do opisu usługi"
#define T_DIR_JSON "Dane w formacie JSON"
#define T_DIR_EXAMPLE "dane przykładowe"
#define T_DIR_EXAMPLE_NOTE                                                     \
    "To są dane przykładowe, wygenerowane do pokazu "                        \
    "katalogu: ta instytucja może nie istnieć."
#define T_DIR_SOURCE "Źródło danych"
#define T_DIR_VERIFY_BADGE "do weryfikacji"
#define T_DIR_VERIFY_LEGEND "Dane do weryfikacji"
#define T_DIR_VERIFY_CLEAR                                                      \
    "Dane instytucji sprawdzone — usuń uwagę „do weryfikacji” (zmiana " \
    "trafi do dziennika zdarzeń)"
#define T_DIR_VERIFY_NOTE                                                      \
    "dane tej instytucji mogą być niepełne lub nieaktualne, potwierdź je " \
    "przed wizytą."
#define T_DIR_PARENT "Jest oddziałem instytucji:"
#define T_DIR_SERVICES "Usługi"
#define T_DIR_BRANCHES "Oddziały"
#define T_DIR_HSDS_LINK "Pobierz cały katalog (Open Referral HSDS, ZIP)"
#define T_DIR_ERR_GMINA                                                        \
    "Parametr „gmina” musi być siedmiocyfrowym kodem "                    \
    "TERYT gminy."
#define T_DIR_ERR_NOTHING                                                      \
    "Podaj co najmniej jeden z parametrów: „gmina”, "                     \
    "„q”, „category”, „target”."

/* Coordinators' pages */
#define T_DIR_ADMIN_LINK "Zarządzaj katalogiem usług"
#define T_DIR_ADMIN_TITLE "Zarządzanie katalogiem usług"
#define T_DIR_COUNT_ORGS "Instytucji:"
#define T_DIR_COUNT_SERVICES "usług:"
#define T_DIR_COUNT_EXAMPLES "w tym instytucji przykładowych"
#define T_DIR_CSV_EXPORT "Pobierz cały katalog jako CSV"
#define T_DIR_IMPORT_TITLE "Wczytaj katalog z pliku CSV"
#define T_DIR_IMPORT_LEAD                                                         \
    "Plik CSV w układzie pliku pobranego powyżej "                              \
    "zastępuje cały katalog Twojego województwa. Wczytuje się w całości "   \
    "albo wcale: jeśli którykolwiek wiersz ma błąd, nic się nie zmienia, a " \
    "lista pokaże wiersz, kolumnę i przyczynę."
#define T_DIR_IMPORT_FILE "Plik CSV (UTF-8)"
#define T_DIR_IMPORT_BUTTON "Wczytaj katalog"
#define T_DIR_IMPORT_NO_FILE "Wybierz plik CSV do wczytania."
#define T_DIR_IMPORT_REJECTED                                                  \
    "Plik nie został wczytany: katalog się nie "                             \
    "zmienił. Popraw poniższe błędy i wczytaj plik ponownie."
#define T_DIR_CSV_TOO_MANY_ROWS "Plik ma więcej niż %d wierszy."
#define T_DIR_CSV_TOO_MANY_FIELDS "Wiersz %d ma więcej niż %d kolumn."
#define T_DIR_FINDINGS_MORE                                                    \
    "Plik ma więcej uwag; pokazano pierwsze 1000. Popraw je i wczytaj plik "  \
    "ponownie."
#define T_DIR_IMPORT_DONE_ORGS "Wczytano katalog. Instytucji:"
#define T_DIR_IMPORT_DONE_SERVICES "usług:"
#define T_DIR_FINDINGS "Błędy:"
#define T_DIR_ROW "wiersz"
#define T_DIR_COLUMN "kolumna"
#define T_DIR_FIELD "pole"
#define T_DIR_BACK_ADMIN "Wróć do zarządzania katalogiem"
#define T_DIR_SHOW_EXAMPLES "Pokaż także instytucje przykładowe"
#define T_DIR_HIDE_EXAMPLES "Ukryj instytucje przykładowe"
#define T_DIR_KIND "Rodzaj instytucji"
#define T_DIR_GMINA_COL "Gmina (TERYT)"
#define T_DIR_ORG_ADD "Dodaj instytucję"
#define T_DIR_ORG_EDIT "Zmień instytucję"
#define T_DIR_SERVICE_ADD "Dodaj usługę"
#define T_DIR_SERVICE_EDIT "Zmień usługę"
#define T_DIR_PUBLIC_PAGE "Strona publiczna"
#define T_DIR_REQUIRED "(wymagane)"
#define T_DIR_F_NAME "Nazwa"
#define T_DIR_F_REGION "Województwo (kod, np. 04)"
#define T_DIR_F_PARENT "Instytucja nadrzędna (numer; dla oddziałów)"
#define T_DIR_F_DESCRIPTION "Opis"
#define T_DIR_F_STREET "Ulica i numer"
#define T_DIR_F_POSTCODE "Kod pocztowy (00-000)"
#define T_DIR_F_CITY "Miejscowość"
#define T_DIR_F_GMINA_FIND "Znajdź gminę po nazwie (wpisuje kod poniżej)"
#define T_DIR_F_GMINA "Gmina: kod TERYT (7 cyfr)"
#define T_DIR_F_LAT "Szerokość geograficzna (np. 53.0138)"
#define T_DIR_F_LON "Długość geograficzna (np. 18.5984)"
#define T_DIR_F_CONFIDENTIAL                                                   \
    "Adres poufny (np. schronienie): publicznie "                              \
    "widać tylko telefon"
#define T_DIR_F_PHONE "Telefony (oddziel średnikiem)"
#define T_DIR_F_EMAIL "E-mail"
#define T_DIR_F_WEB "Strona internetowa (https://...)"
#define T_DIR_F_HOURS                                                          \
    "Godziny otwarcia (np. „pn-pt 8:00-16:00; sb "                           \
    "9:00-13:00”, „codziennie 17:00-21:00”, „całodobowo”)"
#define T_DIR_F_COVERAGE                                                       \
    "Obszar działania (np. „gmina:0463011”, "                             \
    "„powiat:0463”, „region:04”; kilka oddziel spacją)"
#define T_DIR_F_SERVICE_HOURS "Godziny usługi (puste: godziny instytucji)"
#define T_DIR_F_SERVICE_PHONE "Telefon usługi (pusty: telefony instytucji)"
#define T_DIR_SAVE "Zapisz"
#define T_DIR_DELETE_TITLE "Usuwanie"
#define T_DIR_DELETE_CONFIRM "Potwierdzam usunięcie"
#define T_DIR_DELETE_ORG "Usuń instytucję wraz z jej usługami"
#define T_DIR_DELETE_SERVICE "Usuń usługę"
#define T_DIR_DELETE_NOT_CONFIRMED                                             \
    "Zaznacz „Potwierdzam usunięcie”, aby "                               \
    "usunąć."
#define T_DIR_BAD_PARENT "Nie ma instytucji nadrzędnej o tym numerze."
#define T_DIR_PARENT_REGION                                                      \
    "Instytucja nadrzędna nr %lld należy do województwa %s, a ta instytucja " \
    "do %s: oddział można podpiąć tylko pod instytucję tego samego "        \
    "województwa."
#define T_DIR_COVERAGE_REGION                                                            \
    "Obszar „%s” leży poza województwem instytucji (%s): usługa może działać " \
    "tylko w jej województwie."
#define T_DIR_BRANCHES_REGION                                                    \
    "Ta instytucja ma oddziały poza województwem %s: przenieś albo odłącz " \
    "je, zanim zmienisz jej województwo."
#define T_DIR_NO_ORG "Nie ma instytucji o tym numerze."
#define T_DIR_REGION_DENIED                                                    \
    "Możesz zmieniać tylko katalog swojego "                                 \
    "województwa."

/* The CSV reader (dir_csv.c). */
#define T_DIR_CSV_NOT_UTF8                                                     \
    "Plik nie jest tekstem w UTF-8 ani w Windows-1250 (zapisz go jako "        \
    "„CSV UTF-8” albo „CSV (rozdzielany przecinkami)”)."
#define T_DIR_CSV_OPEN_QUOTE                                                   \
    "Wiersz %d: cudzysłów bez "                                              \
    "zamknięcia."
#define T_DIR_CSV_AFTER_QUOTE                                                  \
    "Wiersz %d: znaki po zamykającym "                                        \
    "cudzysłowie."

/* Opening hours that do not read (dir_hours.c). */
#define T_DIR_HOURS_BAD_DAY_RANGE "Niezrozumiały zakres dni w „%s”."
#define T_DIR_HOURS_BAD_CHAR "Niezrozumiały znak w godzinach „%s”."
#define T_DIR_HOURS_UNKNOWN_DAY                                                \
    "Nieznany dzień „%s” w godzinach „%s” "                           \
    "(użyj pn, wt, śr, czw, pt, sb, nd albo "                                \
    "„codziennie”)."
#define T_DIR_HOURS_NO_DAYS                                                    \
    "Brak dni tygodnia w godzinach „%s” (np. "                             \
    "„pn-pt 8:00-16:00”)."
#define T_DIR_HOURS_NO_TIMES "Brak godzin w „%s” (np. „pn-pt 8:00-16:00”)."
#define T_DIR_HOURS_BAD_TIMES                                                  \
    "Niezrozumiałe godziny w „%s” (np. „8:00-16:00”, "                \
    "„17.00–21.00”)."
#define T_DIR_HOURS_TOO_MANY "Za dużo przedziałów godzin (najwyżej %d)."
#define T_DIR_HOURS_BAD "Niezrozumiałe godziny „%s”."

/* Findings of the directory import (dir_io.c). */
#define T_DIR_IMPORT_EMPTY "Plik jest pusty."
#define T_DIR_IMPORT_NO_COLUMN "Brak kolumny „%s” w nagłówku."
#define T_DIR_IMPORT_NCOLS                                                     \
    "Wiersz ma %d kolumn, nagłówek "                                         \
    "%d."
#define T_DIR_IMPORT_CONFIDENTIAL                                              \
    "Kolumna „confidential” przyjmuje 1/0 albo "                           \
    "tak/nie."
#define T_DIR_IMPORT_EXAMPLE "Kolumna „example” przyjmuje 1/0 albo tak/nie."
#define T_DIR_IMPORT_NO_ORG_KEY                                                \
    "Podaj klucz instytucji (org_key), np. o1; "                               \
    "wiersze jednej instytucji mają ten sam klucz."
#define T_DIR_IMPORT_ORG_DIFFERS                                               \
    "Instytucja „%s” ma tu inne dane "                                     \
    "niż w wierszu %d."
#define T_DIR_IMPORT_SERVICE_TWICE                                             \
    "Klucz usługi „%s” "                                                  \
    "powtarza się."
#define T_DIR_IMPORT_UUID                                                      \
    "„%s” nie jest identyfikatorem UUID "                                  \
    "(np. 3f2b8c1e-5d4a-4e6f-9a0b-1c2d3e4f5a6b); zostaw pustą komórkę, "    \
    "a system nada nowy."
#define T_DIR_IMPORT_UUID_TWICE                                                \
    "Identyfikator UUID „%s” ma już inny rekord tego pliku."
#define T_DIR_IMPORT_NO_PARENT                                                 \
    "Nie ma w pliku instytucji "                                               \
    "nadrzędnej „%s”."

/* The Open Referral HSDS 3.0 export and API (dir_hsds.c). */
#define T_DIR_HSDS_TITLE "Katalog usług społecznych (Open Referral HSDS 3.0)"
#define T_DIR_HSDS_DESCRIPTION                                                 \
    "Instytucje i usługi z katalogu Rodzina w układzie Open Referral "       \
    "Human Services Data Specification 3.0. Identyfikatory (UUID) są "        \
    "stałe między kolejnymi eksportami. Lokalizacje poufne (np. "            \
    "schroniska) nie mają adresu, współrzędnych ani kodu TERYT. Godziny "  \
    "otwarcia podano w czasie lokalnym (Europe/Warsaw); closes_at "            \
    "wcześniejsze niż opens_at oznacza zamknięcie po północy."
#define T_DIR_HSDS_ERR_TERYT                                                   \
    "Parametr teryt: podaj kod TERYT województwa (2 cyfry), powiatu (4) "     \
    "albo gminy (7)."
#define T_DIR_HSDS_ERR_POSTCODE                                                \
    "Parametr postcode: podaj kod pocztowy w postaci NN-NNN."
#define T_DIR_HSDS_ERR_TERM                                                    \
    "Parametr taxonomy_term_id: nie ma takiej kategorii ani grupy "            \
    "docelowej (identyfikatory w taxonomy_terms.csv pakietu HSDS)."
#define T_DIR_HSDS_SCHEDULE_NOTE "Czas lokalny: Europe/Warsaw."
#define T_DIR_HSDS_TAX_CATEGORY "Kategorie usług"
#define T_DIR_HSDS_TAX_TARGET "Grupy docelowe"
#define T_DIR_HSDS_TAX_CATEGORY_DESC                                           \
    "Rodzaje pomocy, według których katalog Rodzina porządkuje usługi."
#define T_DIR_HSDS_TAX_TARGET_DESC                                             \
    "Grupy mieszkańców, do których usługa jest skierowana."
#define T_DIR_HSDS_SECRET_ADDRESS                                              \
    "Adres nie jest podawany publicznie; kontakt "                             \
    "telefoniczny."

#define T_DIR_HSDS_SECRET_LOCATION "Lokalizacja poufna"

/* Kinds of institution, in the order of their keys (dir_store.c). */
#define T_DIR_KIND_OPS "Ośrodek pomocy społecznej (OPS, MOPS, GOPS)"
#define T_DIR_KIND_PCPR "Powiatowe centrum pomocy rodzinie (PCPR)"
#define T_DIR_KIND_CUS "Centrum usług społecznych (CUS)"
#define T_DIR_KIND_OIK "Ośrodek interwencji kryzysowej"
#define T_DIR_KIND_ADOPTION "Ośrodek adopcyjny"
#define T_DIR_KIND_ADOPTION_BRANCH "Oddział ośrodka adopcyjnego"
#define T_DIR_KIND_NGO "Organizacja pozarządowa"
#define T_DIR_KIND_LEGAL "Punkt nieodpłatnej pomocy prawnej"
#define T_DIR_KIND_PHONE "Telefon zaufania"
#define T_DIR_KIND_ROPS "Regionalny ośrodek polityki społecznej (ROPS)"
#define T_DIR_KIND_POINT                                                       \
    "Punkt konsultacyjny lub informacyjny (przemoc, uzależnienia)"
#define T_DIR_KIND_OTHER                                                       \
    "Inna instytucja (poradnia, komisja, zespół interdyscyplinarny, policja)"
/* Checks of an institution and a service (dir_store.c). */
#define T_DIR_ERR_ORG_NAME "Podaj nazwę instytucji."
#define T_DIR_ERR_ORG_NAME_LONG                                                \
    "Nazwa instytucji jest za długa (najwyżej 300 "                          \
    "znaków)."
#define T_DIR_ERR_KIND                                                         \
    "Nieznany rodzaj instytucji „%s” "                                     \
    "(dozwolone: ops, pcpr, cus, oik, "                                        \
    "adopcja, oddzial, ngo, prawna, "                                          \
    "telefon, rops)."
#define T_DIR_ERR_REGION                                                       \
    "Nieznany kod województwa „%s” "                                      \
    "(dwie cyfry, np. 04)."
#define T_DIR_ERR_OTHER_REGION                                                 \
    "Możesz zmieniać tylko katalog "                                         \
    "swojego województwa (%s), nie %s."
#define T_DIR_ERR_GMINA_CODE                                                   \
    "Nieznany kod TERYT gminy „%s” "                                       \
    "(7 cyfr, np. 0463011)."
#define T_DIR_ERR_GMINA_REGION                                                 \
    "Gmina %s nie leży w województwie "                                      \
    "%s."
#define T_DIR_ERR_LAT                                                          \
    "Szerokość geograficzna musi być liczbą od 49 do 55 "                  \
    "(np. 53.0138) albo pusta."
#define T_DIR_ERR_LON                                                          \
    "Długość geograficzna musi być liczbą od 14 do 24,2 "                 \
    "(np. 18.5984) albo pusta."
#define T_DIR_ERR_COORDS "Podaj obie współrzędne albo żadnej."
#define T_DIR_ERR_EMAIL "Niepoprawny adres e-mail „%s”."
#define T_DIR_ERR_WEB                                                          \
    "Adres strony musi zaczynać się od https:// lub "                        \
    "http://."
#define T_DIR_ERR_POSTCODE                                                     \
    "Kod pocztowy „%s” nie ma postaci "                                    \
    "00-000."
#define T_DIR_ERR_ORG_TOO_LONG "Któreś pole instytucji jest za długie."
#define T_DIR_ERR_AREA                                                         \
    "Nieznany obszar „%s” (np. "                                           \
    "gmina:0463011, powiat:0463, "                                             \
    "region:04)."
#define T_DIR_ERR_NO_AREA                                                      \
    "Podaj obszar działania usługi (gminy, powiat lub "                      \
    "województwo)."
#define T_DIR_ERR_SERVICE_NAME "Podaj nazwę usługi."
#define T_DIR_ERR_SERVICE_NAME_LONG                                            \
    "Nazwa usługi jest za długa (najwyżej 300 znaków)."
#define T_DIR_ERR_CATEGORY "Nieznana kategoria „%s”."
#define T_DIR_ERR_TARGET                                                       \
    "Nieznana grupa odbiorców "                                               \
    "„%s”."
#define T_DIR_ERR_SERVICE_TOO_LONG "Któreś pole usługi jest za długie."

/*
** Vocabulary (V_*): words of opening hours that the reader matches, folded
** to ASCII; not display text.
*/
/* Day names and abbreviations and the day they mean, Monday 0
** (initializer). */
#define V_DIR_DAY_WORDS                                                        \
    {"pn", 0}, {"pon", 0}, {"poniedzialek", 0}, {"wt", 1}, {"wto", 1},         \
        {"wtorek", 1}, {"sr", 2}, {"sro", 2}, {"sroda", 2}, {"cz", 3},         \
        {"czw", 3}, {"czwartek", 3}, {"pt", 4}, {"pia", 4}, {"piatek", 4},     \
        {"sb", 5}, {"sob", 5}, {"sobota", 5}, {"nd", 6}, {"ndz", 6},           \
        {"nie", 6}, {"niedz", 6}, {"niedziela", 6},
/* Opening-hours words besides day names: every day, around the clock,
** and fillers ("w godz. 8-16"). */
#define V_DIR_EVERY_DAY "codziennie"
#define V_DIR_ALL_DAY "calodobowo"
#define V_DIR_FILLER_AT "w"
#define V_DIR_FILLER_HOURS "godz"
#define V_DIR_FILLER_AND "i"

/* The observatory's indicator (dir_obs_store.c). */
#define T_DIR_OBS_SERVICES "Usługi w katalogu usług społecznych"
#define T_DIR_OBS_SERVICES_UNIT "usługi"
#define T_DIR_OBS_SERVICES_METHOD                                               \
    "Liczba usług w katalogu usług społecznych (stan na dziś, nie szereg "  \
    "czasowy), według gminy siedziby instytucji, która je świadczy; także " \
    "usługi oznaczone jako przykładowe. Usługa dostępna w wielu gminach "   \
    "liczy się raz, w gminie instytucji. Dla powiatu: suma jego gmin."
