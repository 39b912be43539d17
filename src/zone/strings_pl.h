/* Every Polish text of the professionals' zone (issue 19). */
#ifndef ZONE_STRINGS_PL_H
#define ZONE_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_FORUM "Forum specjalistów"
#define T_NAV_PRACTICES "Dobre praktyki"

/* Professional groups (zone_groups). */
#define T_ZONE_GRP_OPS "pracownik socjalny / ośrodek pomocy społecznej"
#define T_ZONE_GRP_ZI "członek zespołu interdyscyplinarnego"
#define T_ZONE_GRP_GKRPA                                                       \
    "członek gminnej komisji rozwiązywania problemów alkoholowych"
#define T_ZONE_GRP_POLICE "policjant"
#define T_ZONE_GRP_SCHOOL "nauczyciel, pedagog, psycholog szkolny"
#define T_ZONE_GRP_PROBATION "kurator sądowy"
#define T_ZONE_GRP_HEALTH "pracownik ochrony zdrowia"
#define T_ZONE_GRP_NGO "organizacja pozarządowa"
#define T_ZONE_GRP_OTHER "inna grupa zawodowa"

/* Areas of good practices (zone_areas). */
#define T_ZONE_AREA_VIOLENCE "przeciwdziałanie przemocy domowej"
#define T_ZONE_AREA_FAMILY "wspieranie rodziny"
#define T_ZONE_AREA_FOSTER "piecza zastępcza"
#define T_ZONE_AREA_ADOPTION "adopcja"
#define T_ZONE_AREA_ADDICTION "profilaktyka uzależnień"
#define T_ZONE_AREA_SENIORS "osoby starsze i z niepełnosprawnościami"
#define T_ZONE_AREA_OTHER "inny obszar"

/* Errors, each naming its field. */
#define T_ZONE_ERR_NAME "Imię i nazwisko: wpisz od 1 do 300 znaków."
#define T_ZONE_ERR_EMAIL "Adres e-mail: wpisz adres w postaci nazwa@domena.pl."
#define T_ZONE_ERR_INSTITUTION                                                 \
    "Instytucja: wpisz nazwę instytucji (do 300 znaków)."
#define T_ZONE_ERR_GMINA                                                       \
    "Gmina: podaj nazwę gminy albo jej 7-cyfrowy kod TERYT (np. 0463011)."
#define T_ZONE_ERR_GMINA_MANY                                                  \
    "Gmina: kilka gmin ma tę nazwę; podaj jej 7-cyfrowy kod TERYT."
#define T_ZONE_ERR_GROUP "Grupa zawodowa: wybierz grupę z listy."
#define T_ZONE_ERR_LOGIN "Login i hasło: wypełnij oba pola."
#define T_ZONE_ERR_REGION                                                      \
    "Region: wybierz region obsługiwany przez tę instalację."
#define T_ZONE_ERR_CATEGORY "Nazwa kategorii: wpisz od 1 do 200 znaków."
#define T_ZONE_ERR_CATEGORY_TAKEN                                              \
    "Nazwa kategorii: taka kategoria już jest w tym regionie."
#define T_ZONE_ERR_DESCRIPTION "Opis kategorii: najwyżej 300 znaków."
#define T_ZONE_ERR_TITLE "Tytuł: wpisz od 1 do 200 znaków."
#define T_ZONE_ERR_BODY "Treść: wpisz od 1 do 20 000 znaków."
#define T_ZONE_ERR_FILE_SIZE                                                   \
    "Plik: jest za duży (załącznik forum do 5 MB, plik materiału do 20 MB)."
#define T_ZONE_ERR_FILE_TYPE                                                   \
    "Załącznik: przyjmujemy tylko pliki PDF, PNG i JPEG (sprawdzamy "        \
    "zawartość "                                                             \
    "pliku, nie tylko jego nazwę)."
#define T_ZONE_ERR_FILE_EXT                                                       \
    "Załącznik: rozszerzenie nazwy pliku nie zgadza się z jego zawartością " \
    "(np. obraz PNG nazwany .pdf)."
#define T_ZONE_ERR_LOCKED                                                      \
    "Wątek jest zamknięty: nie można już w nim odpowiadać."
#define T_ZONE_ERR_REASON "Powód zgłoszenia: wpisz od 1 do 300 znaków."
#define T_ZONE_ERR_REPORTED "Ten wpis został już przez Ciebie zgłoszony."
#define T_ZONE_ERR_HIDE_REASON "Powód ukrycia: wpisz od 1 do 300 znaków."
#define T_ZONE_ERR_ACTION "Moderacja: nieznana czynność."
#define T_ZONE_ERR_MOVE "Przeniesienie: wybierz kategorię z regionu tego wątku."
#define T_ZONE_ERR_AREA "Obszar: wybierz obszar z listy."
#define T_ZONE_ERR_TOPIC "Temat: wpisz od 1 do 300 znaków."
#define T_ZONE_ERR_INSTITUTIONS "Instytucje zaangażowane: wypełnij to pole."
#define T_ZONE_ERR_PROBLEM "Problem: opisz problem, na który odpowiedziano."
#define T_ZONE_ERR_ACTIONS "Co zrobiono: opisz podjęte działania."
#define T_ZONE_ERR_RESULTS "Rezultaty: opisz rezultaty."
#define T_ZONE_ERR_CONTACT "Kontakt: podaj kontakt (do 300 znaków)."
#define T_ZONE_ERR_DECISION "Decyzja: wybierz zatwierdzenie albo odrzucenie."
#define T_ZONE_ERR_GONE "Nie ma już takiego zgłoszenia ani wpisu do decyzji."

/* Registration and account. */
#define T_ZONE_REG_TITLE "Rejestracja w strefie specjalistów"
#define T_ZONE_REG_LEAD                                                         \
    "Strefa specjalistów (forum, materiały dla profesjonalistów) jest dla "  \
    "osób, które zawodowo pomagają rodzinom i osobom doznającym przemocy: " \
    "pracowników socjalnych, członków zespołów interdyscyplinarnych, "     \
    "policjantów, nauczycieli, kuratorów. Konto działa po zatwierdzeniu "    \
    "przez moderatora ośrodka regionalnego."
#define T_ZONE_REG_PURPOSE                                                     \
    "Dane z formularza służą tylko do prowadzenia konta w strefie "         \
    "specjalistów; przechowujemy je, dopóki konto istnieje. Zobaczysz je i " \
    "usuniesz na stronie swojego konta."
#define T_ZONE_REG_INVITE                                                        \
    "Pracujesz z rodzinami lub osobami doznającymi przemocy? Zarejestruj się " \
    "w strefie specjalistów: forum i materiały tylko dla profesjonalistów."
#define T_ZONE_NAME "Imię i nazwisko"
#define T_ZONE_EMAIL "Adres e-mail"
#define T_ZONE_INSTITUTION "Instytucja"
#define T_ZONE_GMINA "Gmina instytucji (nazwa albo kod TERYT)"
#define T_ZONE_GROUP "Grupa zawodowa"
#define T_ZONE_CHOOSE "— wybierz —"
#define T_ZONE_REG_SUBMIT "Zarejestruj się"
#define T_ZONE_REG_DONE                                                        \
    "Dziękujemy. Konto czeka na zatwierdzenie przez moderatora; po "          \
    "zatwierdzeniu zalogujesz się loginem i hasłem z formularza."
#define T_ZONE_ACCOUNT_TITLE "Moje dane w strefie specjalistów"
#define T_ZONE_ACCOUNT_NONE "To konto nie ma danych specjalisty."
#define T_ZONE_STATE "Stan konta"
#define T_ZONE_STATE_PENDING "czeka na zatwierdzenie"
#define T_ZONE_STATE_CONFIRMED "zatwierdzone"
#define T_ZONE_STATE_REJECTED "odrzucone"
#define T_ZONE_SAVE "Zapisz"
#define T_ZONE_SAVED "Zapisano."
#define T_ZONE_NOTIFY_TITLE "Powiadomienia"
#define T_ZONE_NOTIFY_LABEL                                                    \
    "Wysyłaj mi e-mail, gdy ktoś odpowie w wątku, w którym pisałam/pisałem"
#define T_ZONE_ERASE_TITLE "Usunięcie moich danych"
#define T_ZONE_ERASE_LEAD                                                      \
    "Usuniemy imię i nazwisko, adres e-mail, instytucję, gminę i grupę "   \
    "zawodową oraz zablokujemy konto. Twoje wpisy na forum zostaną, "        \
    "podpisane samym loginem."
#define T_ZONE_ERASE_CONFIRM "Rozumiem, usuń moje dane i zablokuj konto"
#define T_ZONE_ERASE_BUTTON "Usuń moje dane"
#define T_ZONE_ERR_ERASE_CONFIRM "Usunięcie danych: zaznacz pole potwierdzenia."
#define T_ZONE_ERASED "Usunięto Twoje dane i zablokowano konto."
/* The e-mail about a reply (rodzina forum mail). */
#define T_ZONE_MAIL_SUBJECT "Nowa odpowiedź w wątku: %s"
#define T_ZONE_MAIL_BODY                                                       \
    "%s odpowiedział(a) w wątku „%s” na forum specjalistów:\n\n%s\n\n"  \
    "Cały wpis: %s/forum/watek/%lld#wpis-%lld\n\n"                            \
    "Te wiadomości wyłączysz na stronie %s/forum/konto.\n"

/* Forum. */
#define T_ZONE_FORUM_TITLE "Forum specjalistów"
#define T_ZONE_FORUM_LEAD                                                          \
    "Wymiana doświadczeń osób pracujących z rodzinami. Wpisy możesz "         \
    "formatować: *wyróżnienie*, **pogrubienie**, wiersze zaczęte od „- ” " \
    "to lista, od „> ” cytat, [tekst](https://adres) to odnośnik."
#define T_ZONE_CATEGORIES "Kategorie"
#define T_ZONE_CATEGORY "Kategoria"
#define T_ZONE_CATEGORY_NAME "Nazwa kategorii"
#define T_ZONE_DESCRIPTION "Opis"
#define T_ZONE_THREADS "Wątki"
#define T_ZONE_UNREAD "Nieprzeczytane"
#define T_ZONE_UNREAD_TITLE "Nieprzeczytane wątki"
#define T_ZONE_UNREAD_NONE "Nie masz nieprzeczytanych wątków."
#define T_ZONE_NO_CATEGORIES "Nie ma jeszcze kategorii forum."
#define T_ZONE_NO_THREADS "W tej kategorii nie ma jeszcze wątków."
#define T_ZONE_SEARCH "Szukaj na forum"
#define T_ZONE_SEARCH_LABEL "Szukane słowa"
#define T_ZONE_SEARCH_BUTTON "Szukaj"
#define T_ZONE_FOUND "Znalezione wątki"
#define T_ZONE_FOUND_NONE "Nic nie znaleziono."
#define T_ZONE_MY_ACCOUNT "Moje dane"
#define T_ZONE_MODERATION "Moderacja strefy specjalistów"
#define T_ZONE_TITLE "Tytuł"
#define T_ZONE_AUTHOR "Autor"
#define T_ZONE_POSTS "Wpisy"
#define T_ZONE_LAST "Ostatni wpis"
#define T_ZONE_PINNED "przypięty"
#define T_ZONE_LOCKED "zamknięty"
#define T_ZONE_NEW "nowe"
#define T_ZONE_NEW_THREAD "Nowy wątek"
#define T_ZONE_BODY "Treść"
#define T_ZONE_FILE "Załącznik (PDF, PNG lub JPEG, do 5 MB; nieobowiązkowy)"
#define T_ZONE_SUBMIT_THREAD "Dodaj wątek"
#define T_ZONE_REPLY "Odpowiedz"
#define T_ZONE_REPLY_TITLE "Twoja odpowiedź"
#define T_ZONE_ATOM "Kanał Atom tej kategorii"
#define T_ZONE_ATTACHMENTS "Załączniki"
#define T_ZONE_REPORT "Zgłoś wpis moderatorowi"
#define T_ZONE_REPORT_REASON "Powód zgłoszenia"
#define T_ZONE_REPORTED "Dziękujemy, moderator zobaczy zgłoszenie."
#define T_ZONE_HIDDEN "Wpis ukryty przez moderatora"
#define T_ZONE_HIDE "Ukryj wpis"
#define T_ZONE_HIDE_REASON "Powód ukrycia"
#define T_ZONE_HIDDEN_DONE "Wpis ukryto."
#define T_ZONE_THREAD_MOD "Moderacja wątku"
#define T_ZONE_LOCK "Zamknij wątek"
#define T_ZONE_UNLOCK "Otwórz wątek"
#define T_ZONE_PIN "Przypnij wątek"
#define T_ZONE_UNPIN "Odepnij wątek"
#define T_ZONE_MOVE "Przenieś do kategorii"
#define T_ZONE_MOVE_BUTTON "Przenieś"
#define T_ZONE_POST_OF "Wpis: %s, %s"
#define T_ZONE_LOCKED_NOTE "Wątek jest zamknięty: nie można w nim odpowiadać."

/* Moderation page. */
#define T_ZONE_PENDING "Rejestracje do zatwierdzenia"
#define T_ZONE_PENDING_NONE "Nie ma rejestracji do zatwierdzenia."
#define T_ZONE_CONFIRM "Zatwierdź"
#define T_ZONE_REJECT "Odrzuć"
#define T_ZONE_REPORTS "Zgłoszone wpisy"
#define T_ZONE_REPORTS_NONE "Nie ma otwartych zgłoszeń."
#define T_ZONE_REPORTER "Zgłaszający"
#define T_ZONE_EXCERPT "Fragment wpisu"
#define T_ZONE_REPORT_LINE "fragment wpisu „%s” (zgłaszający: %s, powód: %s)"
#define T_ZONE_NEW_CATEGORY "Nowa kategoria forum"
#define T_ZONE_REGION "Region (kod województwa, np. 04)"
#define T_ZONE_ADD_CATEGORY "Dodaj kategorię"
#define T_ZONE_PROPOSED "Dobre praktyki do zatwierdzenia"
#define T_ZONE_PROPOSED_NONE "Nie ma zgłoszonych praktyk."
#define T_ZONE_DECIDED "Zapisano decyzję."
#define T_ZONE_CATEGORY_ADDED "Dodano kategorię."
#define T_ZONE_LOGIN_LABEL "Login"
#define T_ZONE_PASSWORD "Hasło (co najmniej 12 znaków)"
#define T_ZONE_ACTIONS_COL "Decyzja"
#define T_ZONE_DATE "Data"

/* Good practices. */
#define T_ZONE_PR_TITLE "Baza dobrych praktyk"
#define T_ZONE_PR_LEAD                                                           \
    "Sprawdzone rozwiązania z gmin i powiatów regionu: problem, co zrobiono, " \
    "z kim i z jakim skutkiem. Praktyki zgłaszają specjaliści, a publikuje "  \
    "je ośrodek regionalny."
#define T_ZONE_PR_Q "Szukaj w praktykach"
#define T_ZONE_PR_AREA "Obszar"
#define T_ZONE_PR_TOPIC "Temat"
#define T_ZONE_PR_GMINA "Gmina (kod TERYT)"
#define T_ZONE_PR_ANY "— każdy —"
#define T_ZONE_PR_FILTER "Pokaż"
#define T_ZONE_PR_NONE "Nie znaleziono praktyk."
#define T_ZONE_PR_FOUND "Znalezione praktyki: %d."
#define T_ZONE_PR_PROPOSE "Zgłoś dobrą praktykę"
#define T_ZONE_PR_INSTITUTIONS "Instytucje zaangażowane"
#define T_ZONE_PR_PROBLEM "Problem"
#define T_ZONE_PR_ACTIONS "Co zrobiono"
#define T_ZONE_PR_RESULTS "Rezultaty"
#define T_ZONE_PR_CONTACT "Kontakt"
#define T_ZONE_PR_WHERE "Gmina i powiat"
#define T_ZONE_PR_WHERE_FMT "gmina %s, powiat %s"
#define T_ZONE_PR_SUBMIT "Zgłoś praktykę"
#define T_ZONE_PR_PROPOSED                                                     \
    "Dziękujemy. Praktyka czeka na zatwierdzenie przez ośrodek regionalny."
#define T_ZONE_PR_STATE_PROPOSED "Praktyka czeka na zatwierdzenie."
#define T_ZONE_PR_ACCEPT "Opublikuj"
#define T_ZONE_PR_REJECT "Odrzuć"
#define T_ZONE_PR_IN_GMINA "Dobre praktyki z tej gminy"

/* The library of materials. */
#define T_NAV_MATERIALS "Materiały"
#define T_ZONE_KIND_GUIDE "poradnik"
#define T_ZONE_KIND_SCENARIO "scenariusz zajęć"
#define T_ZONE_KIND_PROCEDURE "procedura"
#define T_ZONE_KIND_FORM "formularz"
#define T_ZONE_KIND_TOOL "narzędzie"
#define T_ZONE_KIND_OTHER "inny materiał"
#define T_ZONE_ERR_KIND "Rodzaj: wybierz rodzaj materiału z listy."
#define T_ZONE_ERR_AUDIENCE "Dla kogo: wybierz grupę z listy albo „wszyscy”."
#define T_ZONE_ERR_TASK                                                        \
    "Zadanie planu: podaj numer zadania, np. 1.6, albo zostaw puste."
#define T_ZONE_ERR_MATERIAL_TEXT                                               \
    "Opis: najwyżej 20 000 znaków; uwaga do wersji: najwyżej 300 znaków."
#define T_ZONE_ERR_FILE_MISSING                                                \
    "Plik: wybierz plik materiału (PDF, PNG lub JPEG)."
#define T_ZONE_MAT_TITLE "Materiały dla specjalistów"
#define T_ZONE_MAT_LEAD                                                        \
    "Poradniki, scenariusze zajęć, procedury i formularze. Materiały "      \
    "oznaczone „dla specjalistów” widać po zalogowaniu."
#define T_ZONE_MAT_LOGIN_MORE                                                  \
    "Zaloguj się, aby zobaczyć także materiały tylko dla specjalistów."
#define T_ZONE_MAT_NONE "Nie znaleziono materiałów."
#define T_ZONE_MAT_KIND "Rodzaj"
#define T_ZONE_MAT_AUDIENCE "Dla kogo"
#define T_ZONE_MAT_ALL "wszyscy"
#define T_ZONE_MAT_ACCESS "Dostęp"
#define T_ZONE_MAT_PUBLIC "publiczny"
#define T_ZONE_MAT_CLOSED "tylko dla specjalistów (po zalogowaniu)"
#define T_ZONE_MAT_TASK "Zadanie planu, do którego się liczy (np. 1.6)"
#define T_ZONE_MAT_TASK_SHORT "Zadanie planu"
#define T_ZONE_MAT_DOWNLOADS "Pobrania"
#define T_ZONE_MAT_VERSION "Wersja"
#define T_ZONE_MAT_VERSIONS "Wersje"
#define T_ZONE_MAT_NOTE "Uwaga do wersji"
#define T_ZONE_MAT_DOWNLOAD "Pobierz"
#define T_ZONE_MAT_DOWNLOAD_V "Pobierz wersję %lld (%s, %lld B)"
#define T_ZONE_MAT_NEW "Dodaj materiał"
#define T_ZONE_MAT_NEW_VERSION "Dodaj nową wersję"
#define T_ZONE_MAT_FILE "Plik (PDF, PNG lub JPEG, do 20 MB)"
#define T_ZONE_MAT_PUBLIC_BOX "Publiczny (bez logowania)"
#define T_ZONE_MAT_ADDED "Zapisano materiał."
#define T_ZONE_MAT_SEARCH "Szukaj w materiałach"
#define T_ZONE_MAT_FILTER "Pokaż"
/* The metric of monitoring/metric_store.c. */
#define T_ZONE_METRIC_MATERIALS "materiały dla specjalistów"
#define T_ZONE_METRIC_MATERIAL_LABELS "udostępnione materiały", "pobrania"

#endif
