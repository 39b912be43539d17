/* Niebieska Linia (issue 6): user-visible Polish texts, T_* macros. */
#ifndef HELPLINE_STRINGS_PL_H
#define HELPLINE_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_HELPLINE "Niebieska Linia"

#define T_HL_TITLE "Niebieska Linia"
/* The line's number and hours come from the region's settings (issue 15). */
#define T_HL_LEAD                                                              \
    "Telefon zaufania dla osób doświadczających przemocy "                  \
    "domowej (połączenie bezpłatne). Porady e-mailowe, dyżury prawne i "   \
    "konsultacje psychologiczne."
#define T_HL_OPEN_NOW "Linia %s jest teraz czynna (%s)."
#define T_HL_CLOSED_NOW                                                        \
    "Linia %s jest teraz nieczynna. Czynna: %s. W nagłej sytuacji dzwoń "    \
    "pod 112."
#define T_HL_NO_LINE                                                           \
    "Ten region nie podał jeszcze numeru swojej linii. Zadzwoń pod jeden z " \
    "numerów ogólnopolskich poniżej; w nagłej sytuacji pod 112."
#define T_HL_UPCOMING "Najbliższe dyżury i konsultacje"
#define T_HL_NO_DUTIES                                                         \
    "Brak zaplanowanych dyżurów w najbliższych "                            \
    "30 dniach."
#define T_HL_WHEN "Data"
#define T_HL_HOURS "Godziny"
#define T_HL_KIND "Rodzaj"
#define T_HL_SPECIALIST "Specjalista"
#define T_HL_CITY "Miejscowość"
#define T_HL_PLACE "Miejsce"
#define T_HL_LINKS "Dla zespołu Niebieskiej Linii"
#define T_HL_REGION "Województwo"

/* Contacts */
#define T_HL_CONTACTS "Rejestr kontaktów"
#define T_HL_NEW_CONTACT "Nowy kontakt"
#define T_HL_SAVED "Zapisano kontakt nr"
#define T_HL_AT "Data i godzina"
#define T_HL_CHANNEL "Kanał"
#define T_HL_CALLER "Kto się zgłasza"
#define T_HL_GMINA "Gmina (miejsce zamieszkania)"
#define T_HL_GMINA_HINT                                                        \
    "Wpisz początek nazwy i wybierz z listy "                                 \
    "strzałkami i klawiszem Enter. Można pominąć."
#define T_HL_FORMS "Formy przemocy"
#define T_HL_HARMED "Kogo dotknęła przemoc"
#define T_HL_HELP "Udzielona pomoc"
#define T_HL_REFERRALS "Skierowano do"
#define T_HL_MINUTES "Czas trwania (minuty)"
#define T_HL_NOTE                                                              \
    "Notatka (dane wrażliwe — bez nazwisk, adresów, "                      \
    "telefonów)"
#define T_HL_NOTE_HINT                                                         \
    "Notatka nie trafia do dzienników ani na strony; "                        \
    "widać ją tylko w eksporcie z notatkami (zapisywanym w dzienniku "       \
    "zdarzeń)."
#define T_HL_SAVE "Zapisz kontakt"
#define T_HL_NO_CONTACTS "Brak kontaktów w tym okresie."
#define T_HL_NOTE_PRESENT "jest (tylko w eksporcie z notatkami)"
#define T_HL_NOTE_ABSENT "brak"
#define T_HL_NONE "—"
#define T_HL_UNKNOWN_GMINA "nie podano"
#define T_HL_CONTACT "Kontakt"
#define T_HL_EXPORT_CSV "Eksport CSV"
#define T_HL_EXPORT_XLSX "Eksport XLSX"
#define T_HL_EXPORT_NOTES "Eksport CSV z notatkami (zapisywany w dzienniku)"
#define T_HL_BY "Zapisał(a)"
#define T_HL_SHOW "Pokaż"
#define T_HL_FROM "Od dnia"
#define T_HL_TO "Do dnia"
#define T_HL_RECENT "Kontakty w okresie"

/* Input errors: "Label: what", so that the form marks the field */
#define T_HL_ERR_AT                                                            \
    "Data i godzina: podaj datę i godzinę kontaktu (RRRR-MM-DD GG:MM)."
#define T_HL_ERR_FUTURE "Data i godzina: kontakt nie może być w przyszłości."
#define T_HL_ERR_CHANNEL "Kanał: wybierz kanał kontaktu."
#define T_HL_ERR_CALLER "Kto się zgłasza: wybierz z listy."
#define T_HL_ERR_GMINA                                                         \
    "Gmina: Nie znaleziono takiej gminy — wybierz ją z listy "              \
    "podpowiedzi albo zostaw pole puste."
#define T_HL_ERR_MINUTES "Czas trwania (minuty): liczba minut od 1 do 600."
#define T_HL_ERR_NOTE "Notatka: najwyżej 2000 znaków."
#define T_HL_ERR_REGION                                                        \
    "Konto nie ma przypisanego województwa, a gmina "                         \
    "nie została podana."
#define T_HL_ERR_DATE "Data musi mieć postać RRRR-MM-DD."
#define T_HL_ERR_RANGE                                                         \
    "Data początkowa jest późniejsza niż końcowa albo "                   \
    "okres przekracza 20 lat."
#define T_HL_ERR_WOJ "Nie masz dostępu do danych innego województwa."
#define T_HL_ERR_NOTES_DENIED "Twoja rola nie pozwala na eksport notatek."
#define T_HL_ERR_NO_REGION "Podaj województwo (parametr „woj”)."

/* Duties */
#define T_HL_DUTIES "Harmonogram dyżurów"
#define T_HL_DUTY_ADD "Dodaj dyżur"
#define T_HL_DUTY_DELETE "Usuń"
#define T_HL_DUTY_DAY "Dzień"
#define T_HL_DUTY_START "Od godziny"
#define T_HL_DUTY_FINISH "Do godziny"
#define T_HL_DUTY_ADDED "Dodano dyżur."
#define T_HL_DUTY_DELETED "Usunięto dyżur."
/* Each names its field by the form's label (html/form.c ties them). */
#define T_HL_ERR_FORM_REGION                                                   \
    "Formularz nie wskazuje województwa: otwórz go ponownie z listy."
#define T_HL_ERR_DUTY_KIND T_HL_KIND ": wybierz rodzaj dyżuru z listy."
#define T_HL_ERR_DUTY_SPECIALIST                                               \
    T_HL_SPECIALIST ": wybierz specjalistę z listy."
#define T_HL_ERR_DUTY_CITY                                                     \
    T_HL_CITY ": wpisz miejscowość (najwyżej 100 znaków)."
#define T_HL_ERR_DUTY_PLACE                                                    \
    T_HL_PLACE ": wpisz miejsce dyżuru, np. adres (najwyżej 200 znaków)."
#define T_HL_ERR_DUTY_DAY T_HL_DUTY_DAY ": podaj datę w postaci RRRR-MM-DD."
#define T_HL_ERR_DUTY_START                                                    \
    T_HL_DUTY_START ": podaj godzinę w postaci GG:MM, np. 17:00."
#define T_HL_ERR_DUTY_FINISH                                                   \
    T_HL_DUTY_FINISH ": podaj godzinę w postaci GG:MM, np. 21:00."
#define T_HL_ERR_DUTY_ORDER                                                       \
    T_HL_DUTY_FINISH ": dyżur musi kończyć się później, niż się zaczyna " \
                     "(pole „" T_HL_DUTY_START "”)."
#define T_HL_ACTIONS "Czynności"

/* Agreements */
#define T_HL_AGREEMENTS "Porozumienia z gminami"
#define T_HL_MAP_CAPTION                                                       \
    "Mapa gmin województwa według porozumień "                              \
    "(stan na dzień"
#define T_HL_HAS "z porozumieniem"
#define T_HL_HAS_NOT "bez porozumienia"
#define T_HL_SINCE "Od"
#define T_HL_UNTIL "Do"
#define T_HL_AGREEMENT "Porozumienie"
#define T_HL_YES "tak"
#define T_HL_NO "nie"
#define T_HL_SUMMARY "Podsumowanie"
#define T_HL_RURAL "Gminy wiejskie i miejsko-wiejskie"
#define T_HL_URBAN "Gminy miejskie"
#define T_HL_ALL "Razem"
#define T_HL_NO_MAP                                                            \
    "Brak granic gmin tego województwa w danych "                             \
    "programu — poniżej tabela."
#define T_HL_AGR_SET "Zapisz porozumienie"
#define T_HL_AGR_EDIT "Zmień porozumienie gminy"
#define T_HL_AGR_HINT "Puste pole „Od” usuwa porozumienie gminy."
#define T_HL_AGR_SAVED "Zapisano porozumienie."
#define T_HL_ERR_AGR_GMINA "Gmina: wybierz z listy gminę tego województwa."
#define T_HL_ERR_AGR_SINCE                                                     \
    T_HL_SINCE ": podaj datę w postaci RRRR-MM-DD (puste pole usuwa "         \
               "porozumienie)."
#define T_HL_ERR_AGR_UNTIL                                                     \
    T_HL_UNTIL ": podaj datę w postaci RRRR-MM-DD albo zostaw puste."
#define T_HL_ERR_AGR_UNTIL_ALONE                                               \
    T_HL_UNTIL ": bez daty w polu „" T_HL_SINCE "” porozumienie jest "       \
               "usuwane, więc zostaw to pole puste."
#define T_HL_ERR_AGR_UNTIL_BEFORE                                              \
    T_HL_UNTIL ": data nie może być wcześniejsza niż w polu „" T_HL_SINCE "”."
#define T_HL_PATTERN_NOTE "Gminy bez porozumienia są zakreskowane."

/* Statistics */
#define T_HL_STATS "Statystyka kontaktów"
#define T_HL_TOTAL "Kontakty razem"
#define T_HL_COUNT "Liczba kontaktów"
#define T_HL_MONTH "Miesiąc"
#define T_HL_POWIAT "Powiat"
#define T_HL_BY_MONTH "Kontakty według miesięcy"
#define T_HL_BY_CHANNEL "Kontakty według kanału"
#define T_HL_BY_CALLER "Kontakty według osoby zgłaszającej"
#define T_HL_BY_FORM                                                           \
    "Kontakty według formy przemocy (kontakt może "                          \
    "dotyczyć kilku form)"
#define T_HL_BY_HARMED "Kontakty według osoby dotkniętej przemocą"
#define T_HL_BY_GMINA "Kontakty według gminy"
#define T_HL_BY_POWIAT "Kontakty według powiatu"
#define T_HL_STATS_MAP                                                         \
    "Mapa: liczba kontaktów według gminy zamieszkania "                      \
    "(dane o liczbie mieszkańców nie są dostępne, więc są to liczby "    \
    "bezwzględne)"
#define T_HL_COUNTRY "cały kraj"
#define T_HL_SHARE "Udział"
#define T_HL_CHART "Wykres"
#define T_HL_LEGEND "Legenda"

/* Channels (index = code) */
#define T_HL_CH1 "Linia bezpłatna regionu"
#define T_HL_CH2 "Telefon biurowy (w godzinach pracy urzędu)"
#define T_HL_CH3 "Porada e-mailowa"
#define T_HL_CH4 "Dyżur prawny"
#define T_HL_CH5 "Konsultacja psychologiczna"
#define T_HL_CH6 "Zastępstwo procesowe w sprawie karnej"
#define T_HL_CH7 "Konsultacja dla profesjonalisty"
/* Callers */
#define T_HL_CR1 "Osoba doznająca przemocy"
#define T_HL_CR2 "Świadek przemocy"
#define T_HL_CR3 "Osoba stosująca przemoc"
#define T_HL_CR4 "Profesjonalista (np. pracownik socjalny, nauczyciel)"
/* Forms of violence */
#define T_HL_FO1 "fizyczna"
#define T_HL_FO2 "psychiczna"
#define T_HL_FO3 "seksualna"
#define T_HL_FO4 "ekonomiczna"
#define T_HL_FO5 "zaniedbanie"
#define T_HL_FO6 "cyberprzemoc"
/* Harmed */
#define T_HL_HM1 "dziecko"
#define T_HL_HM2 "kobieta"
#define T_HL_HM3 "mężczyzna"
#define T_HL_HM4 "osoba starsza"
#define T_HL_HM5 "osoba z niepełnosprawnością"
/* Help given */
#define T_HL_HE1 "informacja o możliwościach pomocy"
#define T_HL_HE2 "wsparcie emocjonalne"
#define T_HL_HE3 "porada prawna"
#define T_HL_HE4 "porada psychologiczna"
#define T_HL_HE5 "plan bezpieczeństwa"
#define T_HL_HE6 "interwencja (powiadomienie służb)"
/* Referrals */
#define T_HL_RE1 "ośrodek pomocy społecznej (OPS/MOPS/GOPS)"
#define T_HL_RE2 "powiatowe centrum pomocy rodzinie (PCPR)"
#define T_HL_RE3 "ośrodek interwencji kryzysowej"
#define T_HL_RE4 "zespół interdyscyplinarny"
#define T_HL_RE5 "policja"
#define T_HL_RE6 "prokuratura lub sąd"
#define T_HL_RE7 "ochrona zdrowia"
#define T_HL_RE8 "organizacja pozarządowa"
/* Duty kinds and specialists */
#define T_HL_DK1 "Dyżur prawny"
#define T_HL_DK2 "Konsultacja psychologiczna"
#define T_HL_DK3 "Konsultacja dla profesjonalistów"
#define T_HL_SP1 "adwokat"
#define T_HL_SP2 "radca prawny"
#define T_HL_SP3 "psycholog"
#define T_HL_SP4 "psychoterapeuta"
#define T_HL_SP5 "pedagog"
#define T_HL_SP6 "pracownik socjalny"

/* Referrals to institutions of the services directory (migration 0021). */
#define T_HL_REFERRALS_TYPE "Skierowano do (rodzaj instytucji spoza katalogu)"
#define T_HL_INSTITUTIONS "Skierowania do instytucji z katalogu"
#define T_HL_INST_FIELD "„Skierowania do instytucji z katalogu”"
#define T_HL_INST_SHOW "Pokaż instytucje z katalogu dla tej gminy"
#define T_HL_INST_HINT                                                         \
    "Wpisz gminę i wybierz „" T_HL_INST_SHOW "”, "                           \
    "aby zobaczyć instytucje obsługujące gminę, jej powiat i województwo."
#define T_HL_INST_NONE                                                         \
    "W katalogu usług nie ma instytucji obsługujących "                     \
    "tę gminę — użyj rodzajów instytucji powyżej."
#define T_HL_INST_LEVEL0 "w gminie"
#define T_HL_INST_LEVEL1 "w powiecie"
#define T_HL_INST_LEVEL2 "w województwie"
#define T_HL_ERR_INST                                                            \
    "Pole " T_HL_INST_FIELD ": wybrana instytucja nie "                          \
    "obsługuje gminy kontaktu albo należy do innego województwa — wybierz " \
    "instytucję z listy."
#define T_HL_ERR_INST_GMINA                                                    \
    "Pole " T_HL_INST_FIELD ": najpierw podaj "                                \
    "gminę kontaktu."
#define T_HL_ERR_INST_MANY                                                     \
    "Pole " T_HL_INST_FIELD ": najwyżej 40 "                                  \
    "instytucji, każda raz."
#define T_HL_BY_REFERRAL                                                       \
    "Kontakty według rodzaju instytucji, do której "                         \
    "skierowano"
#define T_HL_BY_INST_KIND                                                      \
    "Skierowania do instytucji z katalogu według "                            \
    "rodzaju instytucji"
#define T_HL_BY_INST "Skierowania do instytucji z katalogu według instytucji"
#define T_HL_INSTITUTION "Instytucja"
#define T_HL_INST_KIND "Rodzaj instytucji"
#define T_HL_NO_INST "Brak skierowań do instytucji z katalogu w tym okresie."

/* Under the map of the statistics page. */
#define T_HL_STATS_MAP_SHADING                                                 \
    "im ciemniej, tym więcej kontaktów; liczby w tabeli gmin"

/* The observatory's indicators (helpline_obs_store.c). */
#define T_HL_OBS_CONTACTS "Kontakty z Niebieską Linią"
#define T_HL_OBS_CONTACTS_UNIT "kontakty"
#define T_HL_OBS_CONTACTS_METHOD                                               \
    "Liczba kontaktów Niebieskiej Linii zapisanych w rejestrze kontaktów "   \
    "w danym roku (data kontaktu, czas polski), według gminy, z której "     \
    "dzwonił lub pisał rozmówca; kontakty bez podanej gminy nie są "       \
    "przypisane do żadnej gminy ani powiatu. Dla powiatu: suma jego gmin."
#define T_HL_OBS_AGREEMENTS "Gminy z porozumieniem w sprawie Niebieskiej Linii"
#define T_HL_OBS_AGREEMENTS_UNIT "gminy z porozumieniem"
#define T_HL_OBS_AGREEMENTS_METHOD                                               \
    "1, gdy porozumienie gminy z samorządem województwa (rejestr "             \
    "porozumień Niebieskiej Linii) obowiązywało choćby w jednym dniu roku, " \
    "inaczej 0. Dla powiatu: liczba jego gmin z porozumieniem. Liczba, nie "     \
    "wartość na 10 000 mieszkańców, bo porozumienie zawiera gmina, nie "     \
    "mieszkańcy."

/* Import of past contacts (rodzina helpline import, issue 21). */
#define T_HL_IMP_EMPTY "Plik nie zawiera kontaktów (brak nagłówka lub wierszy)."
#define T_HL_IMP_COLUMN                                                        \
    "Nieznana kolumna: nagłówek ma mieć nazwy kolumn eksportu kontaktów."
#define T_HL_IMP_COLUMN_TWICE "Kolumna występuje w nagłówku dwa razy."
#define T_HL_IMP_REQUIRED                                                      \
    "Brak wymaganej kolumny: wojewodztwo, data_godzina, kanal i "              \
    "kto_sie_zglasza są wymagane."
#define T_HL_IMP_CELLS "Wiersz ma inną liczbę komórek niż nagłówek."
#define T_HL_IMP_QUOTE "Cudzysłów otwarty w komórce nie jest zamknięty."
#define T_HL_IMP_UTF8 "Plik nie jest tekstem UTF-8 ani Windows-1250."
#define T_HL_IMP_LABEL                                                         \
    "Nieznana wartość: podaj nazwy z eksportu kontaktów, oddzielone „;”."
#define T_HL_IMP_BY "Pole „zapisał” może mieć najwyżej 200 znaków."
#define T_HL_IMP_TOO_BIG "Plik jest większy niż 8 GB: podziel go na części."
#define T_HL_IMP_LINES                                                         \
    "Plik ma więcej niż 100 000 000 wierszy: podziel go na części."
#define T_HL_IMP_ROW_LONG "Wiersz jest dłuższy niż 4 MB."
#define T_HL_IMP_MONTHS                                                        \
    "Kontakty obejmują ponad 20 000 miesięcy województw: podziel plik."

#endif
