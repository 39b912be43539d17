/* Grants (issue 17): user-visible Polish texts, T_* macros. */

#define T_NAV_CALLS "Nabory"

#define T_GC_LIST_TITLE "Otwarte konkursy ofert i nabory"
#define T_GC_LIST_LEAD                                                         \
    "Konkursy ofert dla organizacji pozarządowych i konkursy o nagrody "      \
    "ogłaszane przez samorząd województwa. Terminy podano w czasie "        \
    "polskim."
#define T_GC_FEED "Kanał Atom z naborami (dla BIP)"
#define T_GC_NEW "Nowy nabór"
#define T_GC_NONE "Brak naborów w tej grupie."
#define T_GC_KIND_GRANT "otwarty konkurs ofert"
#define T_GC_KIND_AWARD "konkurs o nagrodę"
#define T_GC_PHASE_DRAFT "szkic (nieopublikowany)"
#define T_GC_PHASE_OPEN "przyjmowanie ofert"
#define T_GC_PHASE_EVALUATION "ocena ofert"
#define T_GC_PHASE_RESULTS "wyniki ogłoszone"
#define T_GC_PHASE_CANCELLED "unieważniony"
#define T_GC_GROUP_DRAFT "Szkice"
#define T_GC_GROUP_OPEN "Trwa przyjmowanie ofert"
#define T_GC_GROUP_EVALUATION "Oferty w ocenie"
#define T_GC_GROUP_RESULTS "Rozstrzygnięte"
#define T_GC_GROUP_CANCELLED "Unieważnione"

#define T_GC_F_KIND "Rodzaj naboru"
#define T_GC_F_TITLE "Tytuł"
#define T_GC_F_DESCRIPTION "Opis zadania i warunki"
#define T_GC_F_PLAN "Plan roczny"
#define T_GC_F_PLAN_NONE "(bez planu)"
#define T_GC_F_TASK "Numer zadania planu"
#define T_GC_F_AMOUNT "Kwota naboru"
#define T_GC_F_MAX_GRANT "Najwyższa dotacja (nagroda)"
#define T_GC_F_MIN_OWN "Minimalny wkład własny (%)"
#define T_GC_F_UNTIL_DATE "Oferty do – dzień"
#define T_GC_F_UNTIL_TIME "Oferty do – godzina (czas polski)"
#define T_GC_F_RESULTS_BY "Wyniki do dnia"
#define T_GC_F_TASK_FROM "Realizacja zadań od"
#define T_GC_F_TASK_TO "Realizacja zadań do"
#define T_GC_ERR_PERIOD "%s: koniec okresu jest przed jego początkiem."
#define T_GC_PERIOD "Okres realizacji zadań"
#define T_GC_F_CORRECTION "Dni na uzupełnienie braków formalnych"
#define T_GC_F_AREA_NAME "Obszar %d – nazwa"
#define T_GC_F_AREA_BUDGET "Obszar %d – kwota"
#define T_GC_F_FORMAL "Kryterium formalne %d"
#define T_GC_F_MERIT "Kryterium merytoryczne %d"
#define T_GC_F_MERIT_MAX "Kryterium merytoryczne %d – punkty"
#define T_GC_AREAS "Obszary i ich budżety"
#define T_GC_AREAS_HELP                                                        \
    "Kwota naboru to suma kwot obszarów. Puste wiersze są pomijane."
#define T_GC_CRITERIA_FORMAL "Kryteria oceny formalnej"
#define T_GC_CRITERIA_MERIT "Kryteria oceny merytorycznej"
#define T_GC_MAX_POINTS "maks. pkt"
#define T_GC_POINTS_TOTAL "Razem punktów"
#define T_GC_AREA "Obszar"
#define T_GC_BUDGET "Budżet"
#define T_GC_CRITERION "Kryterium"
#define T_GC_DATES "Terminy"
#define T_GC_PUBLISHED_AT "Ogłoszono"
#define T_GC_REGION "Województwo"
#define T_GC_STATUS "Etap"
#define T_GC_PLAN_TASK "Zadanie planu"
#define T_GC_PLAN_TASK_TEXT "zadanie %s planu na rok %d"
#define T_GC_SAVE "Zapisz szkic"
#define T_GC_PUBLISH "Opublikuj nabór"
#define T_GC_PUBLISH_HELP                                                      \
    "Po publikacji nabór jest widoczny publicznie i w kanale Atom; nie "      \
    "można go już zmienić."
#define T_GC_EDIT "Zmień szkic"
#define T_GC_EDIT_TITLE "Zmiana szkicu naboru"
#define T_GC_FORM_HELP                                                         \
    "Termin składania ofert podaj w czasie polskim (Europa/Warszawa)."
#define T_GC_ERR_FORM "Nabór nie został zapisany. Popraw pola wskazane niżej."
#define T_GC_TIME_SUFFIX "(czas polski)"
#define T_GC_PERCENT "%s%%"

/* Messages naming the field (its label is the first %s). */
#define T_GC_ERR_REQUIRED "%s: pole jest wymagane."
#define T_GC_ERR_TOO_LONG "%s: tekst jest za długi (najwyżej %d znaków)."
#define T_GC_ERR_MONEY "%s: „%s” nie jest kwotą w złotych (np. 12 500,00)."
#define T_GC_ERR_POSITIVE "%s: kwota musi być większa od zera."
#define T_GC_ERR_AREA_NAME "%s: podano kwotę obszaru bez jego nazwy."
#define T_GC_ERR_NO_AREA "%s: podaj co najmniej jeden obszar z kwotą."
#define T_GC_ERR_MAX_GRANT                                                     \
    "%s: %s zł to więcej niż budżet największego obszaru (%s zł)."
#define T_GC_ERR_PERCENT                                                       \
    "%s: „%s” nie jest liczbą od 0 do 100 (np. 10 lub 12,5)."
#define T_GC_ERR_DATE "%s: „%s” nie jest datą (RRRR-MM-DD)."
#define T_GC_ERR_TIME                                                          \
    "%s: „%s” nie jest godziną (GG:MM) albo tej godziny nie ma w Polsce " \
    "(zmiana czasu)."
#define T_GC_ERR_PAST "%s: termin składania ofert musi być w przyszłości."
#define T_GC_ERR_RESULTS_EARLY                                                 \
    "%s: wyniki nie mogą być ogłoszone przed terminem składania ofert."
#define T_GC_ERR_DAYS "%s: „%s” nie jest liczbą dni od 0 do 60."
#define T_GC_ERR_KIND "%s: wybierz konkurs ofert albo konkurs o nagrodę."
#define T_GC_ERR_POINTS "%s: „%s” nie jest liczbą punktów od 1 do 100."
#define T_GC_ERR_POINTS_NAME "%s: podano punkty kryterium bez jego nazwy."
#define T_GC_ERR_NO_FORMAL "%s: podaj co najmniej jedno kryterium formalne."
#define T_GC_ERR_NO_MERIT                                                      \
    "%s: podaj co najmniej jedno kryterium merytoryczne z punktami."
#define T_GC_ERR_PLAN "%s: nie ma takiego planu rocznego w tym województwie."
#define T_GC_ERR_TASK "%s: plan nie ma zadania o numerze „%s”."
#define T_GC_ERR_TASK_NO_PLAN "%s: numer zadania wymaga wybrania planu."
#define T_GC_ERR_NOT_DRAFT                                                     \
    "Nabór jest już opublikowany: jego warunków nie można zmienić."
#define T_GC_ERR_DEADLINE_PASSED                                               \
    "Termin składania ofert już minął: zmień go przed publikacją."

/* The Atom feed. */
#define T_GC_FEED_TITLE "Nabory – otwarte konkursy ofert"
#define T_GC_FEED_SUMMARY "%s; kwota %s zł; oferty do %s (czas polski)."
#define T_GC_ERR_NO_REGION                                                     \
    "Nabór ogłasza konto województwa: to konto nie należy do żadnego."

/* Organisations. */
#define T_NAV_MY_ORG "Moja organizacja"
#define T_GO_REGISTER_TITLE "Rejestracja organizacji"
#define T_GO_REGISTER_LEAD                                                     \
    "Organizacja pozarządowa, która chce składać oferty w konkursach, "    \
    "rejestruje się raz. Po potwierdzeniu adresu e-mail rejestrację "        \
    "zatwierdza urząd marszałkowski; wtedy można się zalogować."
#define T_GO_REGISTER "Zarejestruj organizację"
#define T_GO_REGISTER_LINK "Rejestracja organizacji pozarządowej"
#define T_GO_F_NAME "Nazwa organizacji"
#define T_GO_F_KRS "Numer KRS"
#define T_GO_F_NIP "NIP"
#define T_GO_F_ADDRESS "Adres siedziby"
#define T_GO_F_GMINA "Gmina siedziby (nazwa albo kod TERYT)"
#define T_GO_F_EMAIL "Adres e-mail"
#define T_GO_F_PERSON "Osoba reprezentująca %d – imię i nazwisko"
#define T_GO_F_FUNCTION "Osoba reprezentująca %d – funkcja"
#define T_GO_F_LOGIN "Login do systemu"
#define T_GO_F_PASSWORD "Hasło (co najmniej 12 znaków)"
#define T_GO_PERSONS "Osoby uprawnione do reprezentacji"
#define T_GO_ACCOUNT "Konto w systemie"
#define T_GO_ERR_FORM                                                          \
    "Rejestracja nie została zapisana. Popraw pola wskazane niżej."
#define T_GO_ERR_KRS "%s: „%s” nie jest numerem KRS (10 cyfr, np. 0000123456)."
#define T_GO_ERR_NIP                                                           \
    "%s: „%s” nie jest poprawnym numerem NIP (10 cyfr, ostatnia cyfra "    \
    "kontrolna się nie zgadza)."
#define T_GO_ERR_EMAIL "%s: „%s” nie jest adresem e-mail."
#define T_GO_ERR_GMINA "%s: nie znaleziono gminy „%s”."
#define T_GO_ERR_GMINA_AMBIGUOUS                                               \
    "%s: jest kilka gmin „%s” – podaj siedmiocyfrowy kod TERYT."
#define T_GO_ERR_REGION_NOT_SERVED                                             \
    "%s: województwo tej gminy nie prowadzi naborów w tym systemie."
#define T_GO_ERR_PERSON "%s: podano funkcję bez imienia i nazwiska."
#define T_GO_ERR_NO_PERSON "%s: podaj co najmniej jedną osobę."
#define T_GO_ERR_TAKEN                                                         \
    "%s: organizacja o tym numerze KRS albo tej nazwie jest już "             \
    "zarejestrowana."
#define T_GO_ERR_ACCOUNT "%s: %s"
#define T_GO_SENT_TITLE "Sprawdź pocztę"
#define T_GO_SENT                                                              \
    "Na adres %s wysłaliśmy odnośnik potwierdzający. Po potwierdzeniu "    \
    "adresu rejestrację sprawdzi urząd."
#define T_GO_CONFIRMED_TITLE "Adres e-mail potwierdzony"
#define T_GO_CONFIRMED                                                         \
    "Dziękujemy. Urząd sprawdzi rejestrację; o decyzji powiadomimy e-mailem."
#define T_GO_TOKEN_BAD "Odnośnik jest nieważny albo został już użyty."
#define T_GO_LIST_TITLE "Organizacje pozarządowe"
#define T_GO_NONE "Nie ma zarejestrowanych organizacji."
#define T_GO_STATUS "Stan"
#define T_GO_STATUS_PENDING "czeka na zatwierdzenie"
#define T_GO_STATUS_CONFIRMED "zatwierdzona"
#define T_GO_STATUS_REFUSED "odrzucona"
#define T_GO_EMAIL_CONFIRMED "e-mail potwierdzony %s"
#define T_GO_EMAIL_NOT_CONFIRMED "e-mail niepotwierdzony"
#define T_GO_REGISTERED "Zarejestrowana"
#define T_GO_DECISION "Decyzja"
#define T_GO_CONFIRM "Zatwierdź rejestrację"
#define T_GO_REFUSE "Odrzuć rejestrację"
#define T_GO_F_REASON "Uzasadnienie odrzucenia"
#define T_GO_ERR_REASON "Uzasadnienie odrzucenia: pole jest wymagane."
#define T_GO_ERR_EMAIL_FIRST                                                   \
    "Organizacja nie potwierdziła jeszcze adresu e-mail."
#define T_GO_ERR_DECIDED "O tej rejestracji już zdecydowano."
#define T_GO_MINE_NONE                                                         \
    "To konto nie należy do żadnej zarejestrowanej organizacji."
#define T_GO_DECIDED "Decyzja: %s, %s"
/* E-mail texts (the outbox). */
#define T_GO_MAIL_CONFIRM_SUBJECT                                              \
    "Potwierdź adres e-mail – rejestracja organizacji"
#define T_GO_MAIL_CONFIRM_BODY                                                   \
    "Organizacja %s zarejestrowała się w systemie naborów. Aby potwierdzić " \
    "adres e-mail, otwórz odnośnik:\n%s/organizacje/potwierdzenie?token=%s\n"
#define T_GO_MAIL_DECISION_SUBJECT "Decyzja w sprawie rejestracji organizacji"
#define T_GO_MAIL_CONFIRMED_BODY                                                \
    "Rejestracja organizacji %s została zatwierdzona. Można się zalogować " \
    "jako %s.\n"
#define T_GO_MAIL_REFUSED_BODY                                                 \
    "Rejestracja organizacji %s została odrzucona. Uzasadnienie: %s\n"
#define T_GO_ERR_LOGIN_TAKEN "ten login jest już zajęty."

/* Offers: the sections of the offer template and their checks. */
#define T_NAV_MY_OFFERS "Moje oferty"
#define T_GF_NEW "Złóż ofertę"
#define T_GF_TITLE_NEW "Nowa oferta"
#define T_GF_TITLE "Oferta"
#define T_GF_S1 "I. Oferent"
#define T_GF_S2 "II. Opis zadania i miejsce realizacji"
#define T_GF_S3 "III. Harmonogram działań"
#define T_GF_S4 "IV. Zakładane rezultaty i ich wskaźniki"
#define T_GF_S5 "V. Kalkulacja przewidywanych kosztów"
#define T_GF_S6 "VI. Oświadczenia"
#define T_GF_F_AREA "Obszar naboru"
#define T_GF_F_TITLE "Tytuł zadania"
#define T_GF_F_PLACE "Miejsce realizacji"
#define T_GF_F_DESCRIPTION "Opis zadania"
/* The observatory's indicators (grant_obs_store.c) */
#define T_GR_OBS_OFFERS "Dofinansowane oferty organizacji"
#define T_GR_OBS_OFFERS_UNIT "oferty"
#define T_GR_OBS_AMOUNTS "Kwota dotacji dla organizacji"
#define T_GR_OBS_AMOUNTS_UNIT "Kwota dotacji (zł)"
#define T_GR_OBS_METHOD                                                            \
    "Oferty organizacji w otwartych konkursach ofert województwa, którym "       \
    "przyznano dotację (kwota większa od zera), po ogłoszeniu wyników "        \
    "konkursu; konkursy o nagrodę się nie liczą. Kwota to dotacja "             \
    "przyznana ofercie. Gmina: gmina miejsca realizacji zadania z oferty, "        \
    "gdy cały wpis albo jego część przed pierwszym przecinkiem to dokładnie " \
    "nazwa gminy, miejscowości lub kod pocztowy województwa (rejestr TERYT) "    \
    "leżące w jednej gminie; w przeciwnym razie — gmina siedziby "             \
    "organizacji. Rok: rok rozpoczęcia realizacji zadania (a bez tej daty — "   \
    "rok ogłoszenia wyników)."
#define T_GF_F_FROM "Termin realizacji od"
#define T_GF_F_TO "Termin realizacji do"
#define T_GF_F_REQUESTED "Wnioskowana kwota dotacji"
#define T_GF_F_ACTION "Działanie %d – nazwa"
#define T_GF_F_ACTION_FROM "Działanie %d – od"
#define T_GF_F_ACTION_TO "Działanie %d – do"
#define T_GF_F_RESULT "Rezultat %d – wskaźnik"
#define T_GF_F_RESULT_TARGET "Rezultat %d – wartość docelowa"
#define T_GF_F_COST_KIND "Koszt %d – rodzaj"
#define T_GF_F_COST_NAME "Koszt %d – nazwa"
#define T_GF_F_COST_TOTAL "Koszt %d – koszt całkowity"
#define T_GF_F_COST_GRANT "Koszt %d – z dotacji"
#define T_GF_F_COST_OWN "Koszt %d – wkład własny finansowy"
#define T_GF_F_COST_NONFIN "Koszt %d – wkład własny niefinansowy"
#define T_GF_KIND_ACTION "koszty realizacji działań"
#define T_GF_KIND_ADMIN "koszty administracyjne"
#define T_GF_DECL_1                                                            \
    "Proponowane zadanie będzie realizowane wyłącznie w zakresie "          \
    "działalności pożytku publicznego oferenta."
#define T_GF_DECL_2                                                             \
    "Pobieranie świadczeń pieniężnych będzie się odbywać wyłącznie w " \
    "ramach działalności odpłatnej pożytku publicznego."
#define T_GF_DECL_3                                                            \
    "Oferent nie zalega z opłacaniem należności z tytułu zobowiązań "    \
    "podatkowych ani składek na ubezpieczenia społeczne."
#define T_GF_DECL_4                                                            \
    "Dane zawarte w ofercie są zgodne z Krajowym Rejestrem Sądowym; "        \
    "wszystkie informacje w ofercie są zgodne z prawdą."
#define T_GF_F_DECLARATION "Oświadczenie %d"
#define T_GF_SAVE "Zapisz wersję roboczą"
#define T_GF_SUBMIT "Złóż ofertę (nie można jej potem zmienić)"
#define T_GF_SAVED "Zapisano wersję roboczą."
#define T_GF_TO_FIX "Do poprawienia przed złożeniem oferty"
#define T_GF_READY "Oferta przechodzi wszystkie sprawdzenia i można ją złożyć."
#define T_GF_ERR_FORM "Oferta nie została zapisana. Popraw pola wskazane niżej."
#define T_GF_ERR_SUBMIT "Oferty nie złożono. Popraw pola wskazane niżej."
#define T_GF_STATUS_DRAFT "wersja robocza"
#define T_GF_STATUS_SUBMITTED "złożona %s, numer %s"
#define T_GF_RECEIPT "Numer oferty"
#define T_GF_PDF "Oferta w PDF (jak złożona)"
#define T_GF_NO_ORG                                                             \
    "Ofertę składa zatwierdzona organizacja z województwa naboru; to konto " \
    "do takiej nie należy."
#define T_GF_MINE_NONE "Organizacja nie ma jeszcze ofert."
#define T_GF_CALL_OFFERS "Oferty złożone w naborze"
#define T_GF_NONE "Nie złożono jeszcze ofert."
#define T_GF_TOTALS "Razem"
#define T_GF_ORG "Organizacja"
#define T_GF_STATUS "Stan"
#define T_GF_COST_HEAD_NAME "Pozycja kosztorysu"
#define T_GF_COST_HEAD_TOTAL "Koszt całkowity"
#define T_GF_COST_HEAD_GRANT "Z dotacji"
#define T_GF_COST_HEAD_OWN "Wkład finansowy"
#define T_GF_COST_HEAD_NONFIN "Wkład niefinansowy"
#define T_GF_OWN_SHARE "Udział wkładu własnego: %s%%"

/* The offer checks (the field's label is the first %s). */
#define T_GF_ERR_DATE "%s: „%s” nie jest datą (RRRR-MM-DD)."
#define T_GF_ERR_COUNT "%s: „%s” nie jest liczbą całkowitą nieujemną."
#define T_GF_ERR_AREA "%s: wybierz jeden z obszarów naboru."
#define T_GF_ERR_BEFORE_CALL                                                   \
    "%s: %s to przed początkiem okresu realizacji zadań w naborze (%s)."
#define T_GF_ERR_AFTER_CALL                                                    \
    "%s: %s to po końcu okresu realizacji zadań w naborze (%s)."
#define T_GF_ERR_ORDER "%s: koniec jest przed początkiem."
#define T_GF_ERR_ACTION_OUTSIDE                                                \
    "%s: działanie wykracza poza termin realizacji zadania (%s – %s)."
#define T_GF_ERR_NO_ACTION "%s: podaj co najmniej jedno działanie."
#define T_GF_ERR_NO_RESULT                                                     \
    "%s: podaj co najmniej jeden rezultat z wartością docelową."
#define T_GF_ERR_NO_COST "%s: podaj co najmniej jedną pozycję kosztorysu."
#define T_GF_ERR_ROW_NAME "%s: podano wartości bez nazwy."
#define T_GF_ERR_COST_SUM                                                      \
    "%s: %s zł to nie suma dotacji i wkładu własnego (%s zł)."
#define T_GF_ERR_REQUESTED_SUM                                                 \
    "%s: %s zł, a kosztorys przewiduje z dotacji %s zł."
#define T_GF_ERR_MAX_GRANT                                                     \
    "%s: %s zł to więcej niż najwyższa dotacja w naborze (%s zł)."
#define T_GF_ERR_OWN_SHARE                                                     \
    "%s: wkład własny to %s%% kosztu całkowitego, a nabór wymaga co "      \
    "najmniej %s%%."
#define T_GF_ERR_DECLARATION "%s: oświadczenie trzeba zaakceptować."
#define T_GF_ERR_SUBMITTED "Oferta jest już złożona: nie można jej zmienić."
#define T_GF_ERR_DEADLINE                                                      \
    "Termin składania ofert minął %s (czas polski): oferty nie przyjęto."
#define T_GF_ERR_CALL_CLOSED "Nabór nie przyjmuje ofert."
#define T_GF_F_OWN "Wkład własny"
#define T_GF_PERIOD "Termin realizacji"

/* Evaluation. */
#define T_NAV_EVALUATION "Ocena ofert"
#define T_GE_TITLE "Ocena ofert naboru"
#define T_GE_FORMAL "Ocena formalna"
#define T_GE_FORMAL_STATUS "Ocena formalna"
#define T_GE_F_PASSED "spełnia wymogi formalne"
#define T_GE_F_DEFECT "braki formalne do uzupełnienia do %s"
#define T_GE_F_CORRECTED "braki uzupełnione – do ponownej oceny"
#define T_GE_F_REJECTED "odrzucona z przyczyn formalnych"
#define T_GE_F_NONE "nie oceniono"
#define T_GE_MET "spełnione"
#define T_GE_REASON "Uzasadnienie"
#define T_GE_OUTCOME_PASSED "Oferta spełnia wymogi formalne"
#define T_GE_OUTCOME_DEFECT "Wezwij do uzupełnienia braków"
#define T_GE_OUTCOME_REJECTED "Odrzuć ofertę"
#define T_GE_ERR_OUTCOME "Wybierz wynik oceny formalnej."
#define T_GE_ERR_REASON "%s: kryterium niespełnione wymaga uzasadnienia."
#define T_GE_ERR_NOT_ALL_MET                                                   \
    "Oferta nie spełnia wszystkich kryteriów formalnych: wezwij do "         \
    "uzupełnienia albo odrzuć."
#define T_GE_ERR_ALL_MET                                                       \
    "Wszystkie kryteria są spełnione: oferta nie ma braków."
#define T_GE_ERR_NOT_SUBMITTED "Ocenia się tylko złożone oferty."
#define T_GE_ERR_RESULTS "Wyniki naboru są już ogłoszone."
#define T_GE_ERR_NO_DEFECT "Oferta nie ma braków formalnych do uzupełnienia."
#define T_GE_ERR_DEFECT_LATE                                                   \
    "Termin uzupełnienia braków minął %s (czas polski)."
#define T_GE_CORRECT "Uzupełnij braki formalne"
#define T_GE_COMMITTEE "Komisja konkursowa"
#define T_GE_F_MEMBER "Login członka komisji"
#define T_GE_ADD_MEMBER "Powołaj do komisji"
#define T_GE_ERR_MEMBER                                                        \
    "Login członka komisji: nie ma takiego konta pracownika w "               \
    "województwie naboru."
#define T_GE_DECLARED "oświadczenie o braku konfliktu interesów %s"
#define T_GE_NOT_DECLARED "bez oświadczenia"
#define T_GE_PROGRESS "ocenione kryteria: %ld"
#define T_GE_DECLARATION                                                       \
    "Oświadczam, że nie pozostaję z oferentami w stosunku prawnym lub "     \
    "faktycznym, który mógłby budzić wątpliwości co do mojej bezstronności."
#define T_GE_DECLARE "Składam oświadczenie"
#define T_GE_MY_CALLS "Nabory, w których oceniam oferty"
#define T_GE_NO_CALLS "Nie należysz do żadnej komisji konkursowej."
#define T_GE_DECLARE_FIRST                                                     \
    "Oferty zobaczysz po złożeniu oświadczenia o braku konfliktu interesów."
#define T_GE_SCORE "Ocena merytoryczna"
#define T_GE_F_POINTS "%s – punkty (0–%d)"
#define T_GE_F_JUSTIFICATION "%s – uzasadnienie"
#define T_GE_SAVE_SCORES "Zapisz ocenę"
#define T_GE_ERR_POINTS "%s: „%s” nie jest liczbą punktów od 0 do %d."
#define T_GE_ERR_JUSTIFICATION "%s: ocena wymaga uzasadnienia."
#define T_GE_ERR_SCORES                                                        \
    "Ocena nie została zapisana. Popraw pola wskazane niżej."
#define T_GE_SCORED "oceniono"
#define T_GE_NOT_SCORED "do oceny"
#define T_GE_RANKING "Ranking ofert"
#define T_GE_AVG "Średnia punktów"
#define T_GE_SCORERS "Oceniających"
#define T_GE_AMOUNT "Proponowana kwota"
#define T_GE_PUBLISH "Zatwierdź i ogłoś wyniki"
#define T_GE_ERR_AMOUNT "Oferta %s – proponowana kwota: „%s” nie jest kwotą."
#define T_GE_ERR_AMOUNT_ASKED                                                    \
    "Oferta %s – proponowana kwota: %s zł to więcej, niż oferta wnioskuje " \
    "(%s zł)."
#define T_GE_ERR_AMOUNT_FORMAL                                                 \
    "Oferta %s – proponowana kwota: oferta nie przeszła oceny formalnej."
#define T_GE_ERR_AREA_BUDGET                                                   \
    "Obszar „%s”: proponowane kwoty (%s zł) przekraczają jego budżet (%s zł)."
#define T_GE_ERR_RESULTS_FORM "Wyników nie ogłoszono. Popraw wskazane kwoty."
#define T_GE_RESULTS "Wyniki naboru"
#define T_GE_RESULTS_PDF "Wyniki w PDF"
#define T_GE_FUNDED "Oferty, które otrzymały dotację"
#define T_GE_NOT_FUNDED "Oferty, które nie otrzymały dotacji"
#define T_GE_AWARDED "Przyznana kwota"
#define T_GE_RESULTS_AT "Wyniki ogłoszono %s."
#define T_GE_RESULTS_NONE "Wyniki nie zostały jeszcze ogłoszone."
#define T_GE_ERR_AMOUNT_PRIZE                                                  \
    "Zgłoszenie %s – nagroda: %s zł to więcej niż nagroda w konkursie "  \
    "(%s zł)."

/* Agreements, reports, settlement. */
#define T_GS_AGREEMENT "Umowa"
#define T_GS_F_NUMBER "Numer umowy"
#define T_GS_F_SIGNED "Data zawarcia umowy"
#define T_GS_F_PAID "Kwota przekazana"
#define T_GS_SIGN "Zapisz umowę"
#define T_GS_ERR_PAID "%s: %s zł to więcej niż przyznana dotacja (%s zł)."
#define T_GS_ESTIMATE "Zaktualizowany kosztorys"
#define T_GS_ESTIMATE_LEAD                                                     \
    "Przyznana dotacja (%s zł) jest niższa od wnioskowanej (%s zł): umowa " \
    "zawiera zaktualizowany kosztorys. Pozycje z dotacji muszą dać razem "   \
    "przyznaną dotację, a wkład własny nie mniej niż wymaga nabór."
#define T_GS_ERR_ESTIMATE_NEEDED                                               \
    "%s: dotacja jest niższa od wnioskowanej – podaj pozycje kosztorysu "   \
    "po zmianie."
#define T_GS_ERR_ESTIMATE_GRANT                                                \
    "%s: pozycje z dotacji dają razem %s zł, a przyznana dotacja to %s zł."
#define T_GS_EXECUTION_OF "Wykonanie kosztorysu – sprawozdanie %s z %s"
#define T_GS_COL_LINE "Pozycja kosztorysu"
#define T_GS_COL_PLANNED "Z dotacji wg kosztorysu"
#define T_GS_COL_SPENT_GRANT "Wydano z dotacji"
#define T_GS_COL_SPENT_OWN "Wydano z wkładu własnego"
#define T_GS_COL_LEFT "Pozostało z dotacji"
#define T_GS_COL_TOTAL "Koszt całkowity"
#define T_GS_COL_GRANT "Z dotacji"
#define T_GS_COL_OWN "Wkład własny finansowy"
#define T_GS_COL_NONFIN "Wkład własny niefinansowy"
#define T_GS_AGREEMENT_TEXT                                                    \
    "Umowa %s z %s: dotacja %s zł, przekazano %s zł, zwrócono %s zł (%s)."
#define T_GS_SIGNED "w realizacji"
#define T_GS_SETTLED "rozliczona"
#define T_GS_REPORTS "Sprawozdania"
#define T_GS_REPORT "Złóż sprawozdanie"
#define T_GS_F_KIND "Rodzaj sprawozdania"
#define T_GS_KIND_PARTIAL "częściowe"
#define T_GS_KIND_FINAL "końcowe"
#define T_GS_F_INITIATIVES "Zrealizowane inicjatywy"
#define T_GS_F_BENEFICIARIES "Beneficjenci ostateczni"
#define T_GS_F_NOTE "Opis osiągniętych rezultatów"
#define T_GS_F_SPENT_GRANT "Koszt %d – wydano z dotacji"
#define T_GS_F_SPENT_OWN "Koszt %d – wydano z wkładu własnego"
#define T_GS_ERR_SPENT                                                         \
    "Wydatki z dotacji: %s zł to więcej, niż przekazano (%s zł)."
#define T_GS_ERR_NO_AGREEMENT                                                  \
    "Sprawozdanie składa się do zawartej i nierozliczonej umowy."
#define T_GS_ERR_DECIDED "O tym sprawozdaniu już zdecydowano."
#define T_GS_ERR_COMMENT "Uwagi: zwrot do poprawy wymaga uwag."
#define T_GS_ERR_FORM "Sprawozdania nie zapisano. Popraw pola wskazane niżej."
#define T_GS_REPORT_TEXT                                                       \
    "Sprawozdanie %s z %s: inicjatywy %ld, beneficjenci %ld, z dotacji %s "    \
    "zł, "                                                                    \
    "z wkładu %s zł – %s."
#define T_GS_ACCEPT "Przyjmij"
#define T_GS_RETURN "Zwróć do poprawy"
#define T_GS_F_COMMENT "Uwagi"
#define T_GS_STATUS_SUBMITTED "czeka na decyzję"
#define T_GS_STATUS_ACCEPTED "przyjęte"
#define T_GS_STATUS_RETURNED "zwrócone do poprawy"
#define T_GS_REGISTER_NOTE "nabór nr %ld (moduł naborów)"
#define T_GS_BUDGET_NOTE                                                       \
    "dotacje przekazane w naborach zadania (ostatnio nr %ld, po zwrotach)"
#define T_GS_BUDGET_REASON "kwoty przekazane organizacjom w naborze"
#define T_GC_ANNOUNCEMENT "Ogłoszenie naboru (PDF)"

/* Personal data of representatives (issue 17) */
#define T_GO_PRIVACY_TITLE "Dane osobowe"
#define T_GO_PRIVACY                                                             \
    "Imiona i nazwiska oraz funkcje osób reprezentujących organizację "       \
    "przetwarzamy w celu prowadzenia otwartych konkursów ofert i rozliczania "  \
    "dotacji (ustawa o działalności pożytku publicznego i o wolontariacie, "  \
    "art. 14–16; RODO art. 6 ust. 1 lit. c i e). Przechowujemy je do końca "  \
    "piątego roku po roku ostatniej oferty, umowy albo sprawozdania "           \
    "organizacji i do rozliczenia każdej dotacji; potem usuwa je system. "      \
    "Osoby reprezentujące widzą swoje dane na stronie organizacji i mogą je " \
    "usunąć, dopóki organizacja nie złożyła oferty."
#define T_GO_ERASE "Usuń dane osób reprezentujących"
#define T_GO_ERASE_CONFIRM                                                     \
    "Potwierdzam usunięcie imion, nazwisk i funkcji osób reprezentujących"
#define T_GO_ERASED "Dane osób reprezentujących usunięto."
#define T_GO_ERR_ERASE_KEPT                                                        \
    "Danych osób reprezentujących nie można teraz usunąć: są w dokumentach " \
    "postępowania (złożone oferty, umowy, sprawozdania) i przechowujemy je "    \
    "do 31.12.%d%s. Potem usunie je system."
#define T_GO_ERASE_SETTLEMENT                                                  \
    ", a także do rozliczenia dotacji, której umowa nie jest jeszcze "       \
    "rozliczona"
