/* Trainings and their participants (issue 18): Polish texts, T_* macros,
 * and V_* words recognised in plan indicators' names. */
#ifndef TRAINING_STRINGS_PL_H
#define TRAINING_STRINGS_PL_H

#define T_NAV_TRAININGS "Szkolenia"

#define T_TR_TITLE "Szkolenia, konferencje i warsztaty"
#define T_TR_LEAD                                                              \
    "Kalendarz szkoleń, konferencji, warsztatów, superwizji i wizyt "        \
    "studyjnych dla osób pracujących na rzecz rodziny. Zapis przez "         \
    "formularz, potwierdzenie przez link w wiadomości e-mail."
#define T_TR_UPCOMING "Najbliższe wydarzenia"
#define T_TR_PAST "Wydarzenia, które się odbyły"
#define T_TR_NONE "Brak wydarzeń w kalendarzu."
#define T_TR_KIND "Rodzaj"
#define T_TR_NAME "Tytuł"
#define T_TR_DATES "Termin"
#define T_TR_PLACE "Miejsce"
#define T_TR_GMINA "Gmina"
#define T_TR_CAPACITY "Liczba miejsc"
#define T_TR_FREE "Wolne miejsca"
#define T_TR_GROUPS "Dla kogo"
#define T_TR_SERVES "Realizuje"
#define T_TR_PLAN "Plan lub projekt"
#define T_TR_TASK "Numer zadania w planie rocznym"
#define T_TR_TASK_HINT "Np. 1.1; puste dla karty projektu."
#define T_TR_WAITING_N "osób na liście rezerwowej: %d"
#define T_TR_FULL "brak miejsc — zapis na listę rezerwową"
#define T_TR_MANAGE "Dla organizatora"
#define T_TR_NEW "Nowe wydarzenie"
#define T_TR_SAVE "Zapisz wydarzenie"
#define T_TR_SAVED "Zapisano wydarzenie."
#define T_TR_NO_PLAN "— żaden —"
#define T_TR_DATE_FROM "Pierwszy dzień (RRRR-MM-DD)"
#define T_TR_DATE_TO "Ostatni dzień (RRRR-MM-DD)"
#define T_TR_KINDS_LEGEND "Rodzaj wydarzenia"
#define T_TR_GROUPS_LEGEND                                                     \
    "Dla kogo (grupy zawodowe, do których jest skierowane)"

/* Kinds of events, in the order of training_kinds[]. */
#define T_TR_KIND_TRAINING "szkolenie"
#define T_TR_KIND_CONFERENCE "konferencja"
#define T_TR_KIND_WORKSHOP "warsztaty"
#define T_TR_KIND_SUPERVISION "superwizja"
#define T_TR_KIND_STUDY_VISIT "wizyta studyjna"

/* The professional groups of seed 001 task 1.1, then "other". */
#define T_TR_GROUP_TEAM                                                        \
    "członkowie gminnych zespołów interdyscyplinarnych i grup roboczych"
#define T_TR_GROUP_GKRPA                                                       \
    "członkowie gminnych komisji rozwiązywania problemów alkoholowych"
#define T_TR_GROUP_TEACHERS                                                    \
    "pedagodzy szkolni, nauczyciele, pracownicy poradni "                      \
    "psychologiczno-pedagogicznych"
#define T_TR_GROUP_PROBATION "kuratorzy sądowi"
#define T_TR_GROUP_POLICE "policjanci"
#define T_TR_GROUP_SOCIAL "pracownicy socjalni"
#define T_TR_GROUP_OTHER "inni pracownicy instytucji i organizacji"

/* Kinds of institutions, as the project's rules count them. */
#define T_TR_INST_GMINA "urząd gminy"
#define T_TR_INST_POWIAT "starostwo powiatowe"
#define T_TR_INST_OPS "ośrodek pomocy społecznej (OPS, MOPS, GOPS)"
#define T_TR_INST_PCPR "powiatowe centrum pomocy rodzinie (PCPR)"
#define T_TR_INST_CUS "centrum usług społecznych (CUS)"
#define T_TR_INST_NGO "organizacja pozarządowa"
#define T_TR_INST_OIK "ośrodek interwencji kryzysowej"
#define T_TR_INST_ADOPTION "ośrodek adopcyjny"
#define T_TR_INST_SCHOOL "szkoła lub poradnia"
#define T_TR_INST_POLICE "policja"
#define T_TR_INST_COURT "sąd (kuratorzy)"
#define T_TR_INST_OTHER "inna instytucja"

/* Sign-up */
#define T_TR_SIGNUP "Zapisz się"
#define T_TR_SIGNUP_LEAD                                                       \
    "Po wysłaniu formularza otrzymasz wiadomość e-mail z linkiem. Miejsce " \
    "jest przydzielane dopiero po kliknięciu linku; gdy miejsc zabraknie, "   \
    "trafisz na listę rezerwową i dostaniesz wiadomość, gdy zwolni się "  \
    "miejsce."
#define T_TR_F_NAME "Imię i nazwisko"
#define T_TR_F_EMAIL "Adres e-mail"
#define T_TR_F_ORG "Instytucja z bazy instytucji"
#define T_TR_F_ORG_NONE "— nie ma jej w bazie, wpiszę nazwę poniżej —"
#define T_TR_F_ORG_NAME "Nazwa instytucji (gdy nie ma jej w bazie)"
#define T_TR_F_ORG_KIND "Rodzaj instytucji (gdy nie ma jej w bazie)"
#define T_TR_F_GMINA "Gmina, w której działa instytucja"
#define T_TR_F_GROUP "Grupa zawodowa"
#define T_TR_CONSENT_LEGEND "Zgoda"
#define T_TR_F_CONSENT                                                         \
    "Wyrażam zgodę na przetwarzanie moich danych osobowych w celu "          \
    "organizacji szkolenia, wydania zaświadczenia i rozliczenia projektu."
#define T_TR_CONSENT_INFO                                                      \
    "Administratorem danych jest urząd marszałkowski województwa. Dane "    \
    "(imię i nazwisko, e-mail, instytucja, gmina, grupa zawodowa, "           \
    "obecność, wynik testu) przetwarzamy w celu organizacji wydarzenia, "    \
    "wydania zaświadczenia oraz rozliczenia i monitorowania programu lub "    \
    "projektu, który wydarzenie realizuje. Przechowujemy je do końca "       \
    "piątego roku po roku wydarzenia, a potem usuwamy. Swoje dane możesz "   \
    "zobaczyć i usunąć przez link z wiadomości e-mail."
#define T_TR_SEND "Wyślij zgłoszenie"
#define T_TR_SENT_TITLE "Sprawdź pocztę"
#define T_TR_SENT                                                              \
    "Wysłaliśmy wiadomość z linkiem potwierdzającym na podany adres. "    \
    "Zgłoszenie bez potwierdzenia nie zajmuje miejsca."
#define T_TR_ERR_NAME "Imię i nazwisko: pole jest wymagane (do 200 znaków)."
#define T_TR_ERR_EMAIL "Adres e-mail: wpisz poprawny adres, np. jan@gmina.pl."
#define T_TR_ERR_ORG                                                           \
    "Instytucja: wybierz ją z bazy albo wpisz jej nazwę i wybierz rodzaj."
#define T_TR_ERR_ORG_ID "Instytucja: wybranej instytucji nie ma w bazie."
#define T_TR_ERR_GMINA "Gmina: wybierz gminę z listy."
#define T_TR_ERR_GROUP "Grupa zawodowa: wybierz grupę z listy."
#define T_TR_ERR_CONSENT                                                       \
    "Zgoda: bez zgody na przetwarzanie danych nie możemy przyjąć "          \
    "zgłoszenia."
#define T_TR_ERR_DUP                                                           \
    "Adres e-mail: na to wydarzenie jest już zgłoszenie z tego adresu. "     \
    "Użyj linku z wiadomości, którą wtedy wysłaliśmy."
#define T_TR_ERR_OVER "Zapisy na to wydarzenie są zamknięte (już się odbyło)."

/* The participant's own link */
#define T_TR_MINE "Twoje zgłoszenie"
#define T_TR_STATUS "Stan zgłoszenia"
#define T_TR_ST_UNCONFIRMED "niepotwierdzone"
#define T_TR_ST_CONFIRMED "potwierdzone — masz miejsce"
#define T_TR_ST_WAITING "na liście rezerwowej"
#define T_TR_ST_CANCELLED "wycofane"
#define T_TR_CONFIRM "Potwierdź zgłoszenie"
#define T_TR_CANCEL "Wycofaj zgłoszenie"
#define T_TR_CANCEL_HINT                                                       \
    "Twoje miejsce dostanie pierwsza osoba z listy rezerwowej."
#define T_TR_ERASE "Usuń moje dane"
#define T_TR_ERASE_HINT                                                        \
    "Usuwa zgłoszenie wraz z obecnością, wynikami testu wiedzy i "          \
    "zaświadczeniem; nie da się tego cofnąć."
#define T_TR_ERASED "Twoje dane zostały usunięte."
#define T_TR_ERASE_KEPT                                                        \
    "Nie możemy teraz usunąć Twoich danych: uczestniczyłeś(-aś) w "      \
    "wydarzeniu projektu współfinansowanego z UE, a dane uczestników są "  \
    "potrzebne do jego rozliczenia. Usuniemy je po upływie okresu "           \
    "przechowywania (%s)."
#define T_TR_YOUR_DATA "Twoje dane"
#define T_TR_KEEP_UNTIL "Przechowujemy do"
#define T_TR_BAD_LINK                                                          \
    "Ten link jest nieważny: zgłoszenie zostało usunięte albo link jest "  \
    "niepełny."
#define T_TR_ATTENDED_DAYS "Obecność (dni)"
#define T_TR_CERT "Zaświadczenie"

/* E-mails (the outbox) */
#define T_TR_MAIL_CONFIRM_SUBJ "Potwierdź zapis: %s"
#define T_TR_MAIL_CONFIRM                                                      \
    "Dzień dobry,\n\notrzymaliśmy zgłoszenie na wydarzenie „%s” (%s). " \
    "Aby je potwierdzić, otwórz link:\n%s\n\nPod tym samym adresem możesz " \
    "wycofać zgłoszenie, zobaczyć i usunąć swoje dane.\n"
#define T_TR_MAIL_SEAT_SUBJ "Masz miejsce: %s"
#define T_TR_MAIL_SEAT                                                         \
    "Dzień dobry,\n\nmasz miejsce na wydarzeniu „%s” (%s).\nTwoje "       \
    "zgłoszenie: %s\n"
#define T_TR_MAIL_WAIT_SUBJ "Lista rezerwowa: %s"
#define T_TR_MAIL_WAIT                                                          \
    "Dzień dobry,\n\nna wydarzeniu „%s” (%s) nie ma już wolnych miejsc; " \
    "jesteś na liście rezerwowej. Napiszemy, gdy zwolni się miejsce.\n"      \
    "Twoje zgłoszenie: %s\n"

/* Organiser: participants and attendance */
#define T_TR_PARTICIPANTS "Uczestnicy"
#define T_TR_P_NO "Lp."
#define T_TR_P_INST "Instytucja"
#define T_TR_P_GROUP "Grupa zawodowa"
#define T_TR_P_STATUS "Stan"
#define T_TR_P_NONE "Brak potwierdzonych zgłoszeń."
#define T_TR_ATTENDANCE "Lista obecności"
#define T_TR_ATT_DAY "Obecność w dniu %s"
#define T_TR_ATT_SAVE "Zapisz obecność"
#define T_TR_ATT_SAVED "Zapisano obecność."
#define T_TR_ATT_PDF "Lista obecności do podpisu (PDF)"
#define T_TR_ATT_SIGN "Podpis"
#define T_TR_ATT_PRESENT "obecny(-a) %s"
#define T_TR_ERR_DAY "Dzień: podaj dzień wydarzenia (RRRR-MM-DD)."
#define T_TR_TEST                                                              \
    "Test papierowy: punkty wpisane ręcznie (przed / po / maksymalnie)"
#define T_TR_TEST_HINT                                                          \
    "Tylko dla testu rozwiązanego na papierze. Gdy uczestnik rozwiązał oba " \
    "testy online, liczy się wynik testu online, a punkty wpisane tu nie."
#define T_TR_TEST_BEFORE "Test przed: punkty, %s"
#define T_TR_TEST_AFTER "Test po: punkty, %s"
#define T_TR_TEST_MAX "Test: maksymalna liczba punktów"
#define T_TR_TEST_SAVE "Zapisz wyniki testu"
#define T_TR_TEST_SAVED "Zapisano wyniki testu."
#define T_TR_ERR_TEST                                                          \
    "Test wiedzy, %s: punkty to liczby od 0 do maksymalnej liczby punktów "   \
    "(obie albo żadna)."
#define T_TR_ERR_TEST_MAX                                                      \
    "Test wiedzy: maksymalna liczba punktów to liczba od 1 do 1000."
#define T_TR_CERTS "Zaświadczenia"
#define T_TR_CERTS_ISSUE "Wystaw zaświadczenia obecnym"
#define T_TR_CERTS_ISSUED "Wystawiono zaświadczeń: %d."
#define T_TR_CERTS_PDF "Zaświadczenia (PDF)"
#define T_TR_EXPORT "Eksport uczestników do monitorowania projektu (CSV)"

/* Certificates */
#define T_TR_CERT_TITLE "Zaświadczenie"
#define T_TR_CERT_VERIFY "Sprawdzenie zaświadczenia"
#define T_TR_CERT_VALID "Zaświadczenie nr %s jest prawdziwe."
#define T_TR_CERT_INVALID                                                      \
    "Nie wydaliśmy zaświadczenia o tym numerze (albo dane uczestnika "       \
    "zostały usunięte)."
#define T_TR_CERT_BODY "ukończył(a) %s „%s”, %s, %s."
#define T_TR_CERT_ISSUER "Wystawił: %s"
#define T_TR_CERT_CHECK "Autentyczność zaświadczenia sprawdzisz na stronie:"
#define T_TR_CERT_NUMBER "Nr zaświadczenia: %s"
#define T_TR_CERT_PERSON "Uczestnik"
#define T_TR_CERT_WHAT "%s „%s”"

/* Indicators */
#define T_TR_IND_TITLE "Wskaźniki liczone z ewidencji szkoleń"
#define T_TR_IND_NAME "Wskaźnik"
#define T_TR_IND_TARGET "Wartość docelowa"
#define T_TR_IND_VALUE "Wartość z ewidencji"
#define T_TR_IND_HOW "Jak liczone"
#define T_TR_HOW_PERSONS                                                       \
    "Osoby (jeden adres e-mail = jedna osoba) obecne co najmniej jeden "       \
    "dzień na wydarzeniu, które realizuje %s, z pełnymi danymi; każda "    \
    "liczona raz, bez względu na liczbę wydarzeń."
#define T_TR_HOW_INSTITUTIONS                                                  \
    "Instytucje (jedna nazwa w jednej gminie = jedna instytucja), których "   \
    "pracownicy są liczeni jako osoby objęte wsparciem; każda liczona raz."
#define T_TR_HOW_QUALIFIED                                                     \
    "Osoby obecne na wydarzeniu, które realizuje %s, z pełnymi danymi, "     \
    "których wynik testu wiedzy po wydarzeniu jest wyższy niż przed nim; "  \
    "każda liczona raz, choćby podniosła wynik na kilku wydarzeniach. "     \
    "Liczy się test online, rozwiązany przez uczestnika z jego własnego "   \
    "linku (wynik obliczony przez system); punkty wpisane ręcznie przez "     \
    "organizatora (test papierowy) liczą się tylko wtedy, gdy uczestnik "    \
    "nie rozwiązał obu testów online. Z testu online: %lld, z testu "       \
    "papierowego: %lld."
#define T_TR_HOW_EVENTS                                                        \
    "Wydarzenia, które realizują %s i na których ktoś był obecny."
#define T_TR_HOW_GROUP                                                         \
    "Osoby objęte wsparciem z grupy zawodowej „%s”, każda liczona raz."
#define T_TR_HOW_LPDI                                                          \
    "Gminy i powiaty regionu z przyjętym lokalnym planem "                    \
    "deinstytucjonalizacji (rejestr LPDI, /lpdi): %lld z %lld jednostek "      \
    "samorządu terytorialnego (mianownik: wszystkie gminy i powiaty "         \
    "regionu; miasto na prawach powiatu liczone raz), w procentach, "          \
    "zaokrąglone w dół."
#define T_TR_HOW_NONE "Nie jest liczony z ewidencji szkoleń."
#define T_TR_HOW_ENTERED                                                         \
    "Wpisany ręcznie: ewidencja nie ma jeszcze danych dla tego wskaźnika, "    \
    "więc pokazana jest suma zatwierdzonych wartości wpisanych ręcznie. Gdy " \
    "ewidencja będzie miała dane, pokazana będzie liczba z ewidencji."
#define T_TR_SCOPE_TASK "zadanie %s planu"
#define T_TR_SCOPE_PROJECT "projekt"
#define T_TR_BY_KIND "Instytucje objęte wsparciem według rodzaju"

/* Errors of the organiser's forms */
#define T_TR_ERR_TITLE "Tytuł: pole jest wymagane (do 300 znaków)."
#define T_TR_ERR_KIND "Rodzaj: wybierz rodzaj wydarzenia."
#define T_TR_ERR_DATES                                                         \
    "Termin: podaj daty RRRR-MM-DD, ostatni dzień nie wcześniej niż "       \
    "pierwszy, najwyżej 31 dni."
#define T_TR_ERR_TGMINA "Gmina: wybierz gminę województwa z listy."
#define T_TR_ERR_CAPACITY "Liczba miejsc: liczba od 1 do 10000."
#define T_TR_ERR_GROUPS "Dla kogo: zaznacz co najmniej jedną grupę zawodową."
#define T_TR_ERR_PLAN "Plan lub projekt: wybierz plan swojego województwa."
#define T_TR_ERR_TASK                                                          \
    "Numer zadania: plan roczny nie ma zadania o tym numerze (karta "          \
    "projektu nie ma zadań: zostaw puste)."
#define T_TR_NOT_FOUND "Nie ma takiego wydarzenia."
#define T_TR_NEEDS_RATE                                                        \
    "odpowiedziało %lld z %lld instytucji, odpowiedzi razem: %lld"

/* LPDI register */
#define T_NAV_LPDI "Plany deinstytucjonalizacji"
#define T_TR_LPDI_TITLE "Lokalne plany deinstytucjonalizacji (LPDI)"
#define T_TR_LPDI_LEAD                                                          \
    "Rejestr lokalnych planów rozwoju usług społecznych i "                  \
    "deinstytucjonalizacji gmin i powiatów regionu. Udział jednostek z "      \
    "przyjętym planem to czwarty wskaźnik rezultatu projektu „Koordynacja " \
    "spójnej polityki społecznej Kujaw i Pomorza”."
#define T_TR_LPDI_SHARE                                                        \
    "Plan przyjęło %lld z %lld jednostek samorządu terytorialnego regionu " \
    "(%s %%). Mianownik: wszystkie gminy (%lld) i powiaty (%lld); miasto na "  \
    "prawach powiatu liczone raz, jako gmina."
#define T_TR_LPDI_MAP "Mapa gmin: przyjęty plan gminy"
#define T_TR_LPDI_MAP_DESC                                                     \
    "Gminy z przyjętym lokalnym planem deinstytucjonalizacji są "            \
    "zakreskowane i ciemniejsze; pozostałe jasne. Te same dane są w "        \
    "tabelach poniżej."
#define T_TR_LPDI_GMINAS "Gminy"
#define T_TR_LPDI_POWIATS "Powiaty"
#define T_TR_LPDI_UNIT "Jednostka"
#define T_TR_LPDI_ADOPTED "Plan przyjęty"
#define T_TR_LPDI_DATE "Data przyjęcia (RRRR-MM-DD)"
#define T_TR_LPDI_RESOLUTION "Uchwała"
#define T_TR_LPDI_LINK "Link do uchwały"
#define T_TR_LPDI_YES "tak"
#define T_TR_LPDI_NO "nie"
#define T_TR_LPDI_NONE "brak danych"
#define T_TR_LPDI_EDIT "Wpisz lub zmień plan jednostki"
#define T_TR_LPDI_SAVE "Zapisz"
#define T_TR_LPDI_SAVED "Zapisano."
#define T_TR_LPDI_MAP_YES "%s: plan przyjęty %s"
#define T_TR_LPDI_MAP_NO "%s: brak przyjętego planu"
#define T_TR_ERR_LPDI_UNIT "Jednostka: wybierz gminę lub powiat regionu."
#define T_TR_ERR_LPDI_DATE                                                     \
    "Data przyjęcia: przyjęty plan wymaga daty RRRR-MM-DD."
#define T_TR_ERR_LPDI_RESOLUTION                                               \
    "Uchwała: przyjęty plan wymaga numeru uchwały (do 200 znaków)."
#define T_TR_ERR_LPDI_URL                                                      \
    "Link do uchwały: adres zaczyna się od http:// lub https:// (do 500 "    \
    "znaków)."
/* The observatory's indicator (training_obs.c) */
#define T_TR_OBS_LPDI "Lokalne plany deinstytucjonalizacji (LPDI)"
#define T_TR_OBS_LPDI_UNIT "Przyjęty plan"
#define T_TR_OBS_LPDI_METHOD                                                    \
    "Rejestr LPDI (/lpdi) w chwili wyświetlenia strony: „tak”, gdy gmina " \
    "lub powiat ma wpisany przyjęty lokalny plan deinstytucjonalizacji; "      \
    "brak wpisu albo plan nieprzyjęty to „nie”. Powiat ma własny plan, "  \
    "niezależny od planów swoich gmin; miasto na prawach powiatu jest "       \
    "jedną jednostką: jego plan liczy się i jako plan gminy, i jako plan "   \
    "powiatu. Udział: gminy (albo powiaty) z planem przyjętym wśród "       \
    "wszystkich gmin (albo powiatów) województwa według TERYT."
#define V_TR_POWIAT_KIND "powiat"

/*
** Words of plan indicators' names (folded: no Polish letters, lower case)
** that say what the indicator counts; see training_classify().
*/
#define V_TR_DEINST "deinstytucjonalizac"
#define V_TR_QUALIF "kwalifikacj"
#define V_TR_TRAINED "przeszkolon"
#define V_TR_TRAININGS "szkolen"
#define V_TR_EVENTS_A "konferencj"
#define V_TR_EVENTS_B "warsztat"
#define V_TR_UNIT_PERSONS "osob"
#define V_TR_UNIT_INST "instytucj"
#define V_TR_G_TEAM "zespol"
#define V_TR_G_GKRPA "alkohol"
#define V_TR_G_TEACHERS "pedagog"
#define V_TR_G_PROBATION "kurator"
#define V_TR_G_POLICE "policj"
#define V_TR_G_SOCIAL "socjaln"

/* The online knowledge test (training_quiz.c) */
#define T_TR_QUIZ "Test wiedzy online"
#define T_TR_QUIZ_EDIT "Pytania testu wiedzy"
#define T_TR_QUIZ_LEAD                                                         \
    "Kilka pytań jednokrotnego lub wielokrotnego wyboru z zaznaczonymi "      \
    "poprawnymi odpowiedziami. Uczestnik rozwiązuje ten sam test dwa razy "   \
    "ze swojego linku: przed wydarzeniem (do pierwszego dnia) i po nim (od "   \
    "ostatniego dnia). Za pytanie z dokładnie poprawnymi odpowiedziami jest " \
    "1 punkt. Pytania puste są pomijane; bez pytań nie ma testu online."
#define T_TR_QUIZ_LOCKED                                                            \
    "Test już rozwiązywano, więc pytań nie można zmienić: wyniki przed i po " \
    "muszą dotyczyć tego samego testu."
#define T_TR_QUIZ_SAVED "Zapisano pytania testu."
#define T_TR_QUIZ_SAVE "Zapisz pytania"
#define T_TR_QUIZ_Q "Pytanie %d"
#define T_TR_QUIZ_Q_KIND "Rodzaj pytania %d"
#define T_TR_QUIZ_Q_TEXT "Treść pytania %d"
#define T_TR_QUIZ_Q_OPTION "Pytanie %d, odpowiedź %d"
#define T_TR_QUIZ_Q_RIGHT "Poprawna (pytanie %d, odpowiedź %d)"
#define T_TR_QUIZ_NQ "Pytań w teście online: %d."
#define T_TR_QUIZ_LINK "Pytania testu wiedzy online"
#define T_TR_QUIZ_COL "Test online (przed → po)"
#define T_TR_QUIZ_PAPER "papierowy: %lld → %lld z %lld"
#define T_TR_QUIZ_SCORE "%lld z %lld"
#define T_TR_QUIZ_BEFORE "Test wiedzy przed szkoleniem"
#define T_TR_QUIZ_AFTER "Test wiedzy po szkoleniu"
#define T_TR_QUIZ_TAKE_LEAD                                                    \
    "Zaznacz odpowiedzi i wyślij. Test rozwiązujesz raz przed szkoleniem i " \
    "raz po nim; porównanie wyników pokazuje, czy szkolenie podniosło "     \
    "kwalifikacje. Wynik widzisz od razu po wysłaniu."
#define T_TR_QUIZ_SEND "Wyślij odpowiedzi"
#define T_TR_QUIZ_GO_BEFORE "Rozwiąż test wiedzy przed szkoleniem"
#define T_TR_QUIZ_GO_AFTER "Rozwiąż test wiedzy po szkoleniu"
#define T_TR_QUIZ_WAIT "Test po szkoleniu będzie dostępny od %s."
#define T_TR_QUIZ_MISSED                                                              \
    "Szkolenie już się zaczęło, a test przed nim nie został rozwiązany, więc " \
    "testu online nie można już rozwiązać."
#define T_TR_QUIZ_YOURS "Twój wynik testu przed: %lld z %lld."
#define T_TR_QUIZ_YOURS_BOTH "Twój wynik testu: przed %lld, po %lld (z %lld)."
#define T_TR_QUIZ_DONE_BEFORE                                                  \
    "Dziękujemy. Twój wynik testu przed szkoleniem: %d z %d."
#define T_TR_QUIZ_DONE_AFTER                                                   \
    "Dziękujemy. Twój wynik testu po szkoleniu: %d z %d."
#define T_TR_QUIZ_CLOSED                                                           \
    "Test nie jest teraz otwarty: został już rozwiązany albo jeszcze lub już " \
    "nie można go rozwiązywać."
#define T_TR_ERR_Q_KIND                                                        \
    "Pytanie %d: wybierz rodzaj jednokrotnego lub wielokrotnego wyboru."
#define T_TR_ERR_Q_RIGHT                                                        \
    "Pytanie %d: zaznacz poprawną odpowiedź (w pytaniu jednokrotnego wyboru " \
    "dokładnie jedną) przy wypełnionej odpowiedzi."
#define T_TR_ERR_Q_MANY "Test ma za dużo pytań."

#endif
