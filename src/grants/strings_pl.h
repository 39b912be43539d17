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
