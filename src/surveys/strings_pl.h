/* Surveys (issue 18): Polish texts, T_* macros. */
#ifndef SURVEYS_STRINGS_PL_H
#define SURVEYS_STRINGS_PL_H

#define T_SV_TITLE "Ankiety"
#define T_SV_LEAD                                                                  \
    "Ankiety urzędu, w tym diagnozy potrzeb szkoleniowych kadr pracujących "     \
    "z rodziną. Link otwarty może wypełnić każdy; link instytucji — tylko " \
    "raz."
#define T_SV_NEW "Nowa ankieta"
#define T_SV_NONE "Brak ankiet."
#define T_SV_F_TITLE "Tytuł ankiety"
#define T_SV_F_PURPOSE "Cel ankiety"
#define T_SV_F_OPEN "Także link otwarty (każdy może wypełnić, bez limitu)"
#define T_SV_F_QUESTION "Pytanie %d"
#define T_SV_F_KIND "Rodzaj pytania %d"
#define T_SV_F_TEXT "Treść pytania %d"
#define T_SV_F_OPTION "Pytanie %d, odpowiedź do wyboru %d"
#define T_SV_F_HINT                                                            \
    "Puste pytania są pomijane. Pytanie jednokrotnego lub wielokrotnego "     \
    "wyboru potrzebuje co najmniej dwóch odpowiedzi do wyboru; skala to "     \
    "oceny od 1 do 5."
#define T_SV_SAVE "Zapisz ankietę"
#define T_SV_PURPOSE_TRAINING "diagnoza potrzeb szkoleniowych"
#define T_SV_PURPOSE_OTHER "inna"
#define T_SV_KIND_SINGLE "jednokrotny wybór"
#define T_SV_KIND_MULTIPLE "wielokrotny wybór"
#define T_SV_KIND_SCALE "skala 1–5"
#define T_SV_KIND_NUMBER "liczba"
#define T_SV_KIND_TEXT "tekst"

#define T_SV_COL_TITLE "Ankieta"
#define T_SV_COL_PURPOSE "Cel"
#define T_SV_COL_SENT "Wysłano do instytucji"
#define T_SV_COL_ANSWERED "Odpowiedziały"
#define T_SV_COL_RATE "Zwrot"
#define T_SV_COL_RESPONSES "Odpowiedzi razem"

#define T_SV_RATE                                                              \
    "Odpowiedziało %lld z %lld instytucji (%s %%); odpowiedzi "               \
    "razem (z linkiem otwartym): %lld."
#define T_SV_OPEN_LINK "Link otwarty"
#define T_SV_LINKS "Linki instytucji"
#define T_SV_LINK_ANSWERED "odpowiedziała %s"
#define T_SV_LINK_WAITING "czeka na odpowiedź"
#define T_SV_SEND "Wyślij do instytucji z bazy"
#define T_SV_SEND_HINT                                                           \
    "Każda zaznaczona instytucja dostaje własny link (ta, która już go ma, " \
    "zachowuje dotychczasowy). Linki wyślij instytucjom e-mailem."
#define T_SV_SEND_BUTTON "Utwórz linki"
#define T_SV_SENT "Dodano instytucji: %d."
#define T_SV_RESULTS "Wyniki"
#define T_SV_EXPORT_CSV "Odpowiedzi (CSV)"
#define T_SV_EXPORT_XLSX "Odpowiedzi (XLSX)"
#define T_SV_OPTION "Odpowiedź"
#define T_SV_COUNT "Liczba"
#define T_SV_SHARE "% odpowiadających"
#define T_SV_ANSWERED_Q "Odpowiedzi na to pytanie: %lld."
#define T_SV_NUM_STATS "Średnia %s, najmniej %lld, najwięcej %lld."
#define T_SV_CHART "Wykres: %s"
#define T_SV_TEXTS "Odpowiedzi tekstowe"
#define T_SV_NOT_FOUND "Nie ma takiej ankiety."
#define T_SV_NEEDS "Potrzeby szkoleniowe (ankiety)"

#define T_SV_ANSWER_TITLE "Ankieta: %s"
#define T_SV_ANSWER_FOR "Odpowiadasz w imieniu instytucji: %s."
#define T_SV_ANSWER_SEND "Wyślij odpowiedzi"
#define T_SV_THANKS "Dziękujemy, odpowiedzi zostały zapisane."
#define T_SV_BAD_LINK "Ten link do ankiety jest nieważny."
#define T_SV_SCALE_LOW "1 — najniżej"
#define T_SV_SCALE_HIGH "5 — najwyżej"

#define T_SV_ERR_TITLE "Tytuł ankiety: pole jest wymagane (do 300 znaków)."
#define T_SV_ERR_PURPOSE "Cel ankiety: wybierz cel z listy."
#define T_SV_ERR_NO_QUESTIONS "Ankieta potrzebuje co najmniej jednego pytania."
#define T_SV_ERR_KIND "Pytanie %d: wybierz rodzaj pytania."
#define T_SV_ERR_TEXT "Pytanie %d: treść jest wymagana (do 500 znaków)."
#define T_SV_ERR_OPTIONS                                                       \
    "Pytanie %d: pytanie wyboru potrzebuje co najmniej dwóch odpowiedzi."
#define T_SV_ERR_OPTION                                                        \
    "Pytanie %d: odpowiedź do wyboru ma najwyżej 200 znaków."
#define T_SV_ERR_SEND "Instytucje: wybierz instytucje z bazy swojego regionu."
#define T_SV_ERR_CHOOSE "Pytanie %d: wybierz jedną odpowiedź."
#define T_SV_ERR_CHOOSE_SOME "Pytanie %d: zaznacz co najmniej jedną odpowiedź."
#define T_SV_ERR_NUMBER "Pytanie %d: wpisz liczbę całkowitą od 0."
#define T_SV_ERR_ANSWER_TEXT                                                   \
    "Pytanie %d: odpowiedź jest wymagana (do 2000 znaków)."
#define T_SV_ERR_ANSWERED                                                      \
    "Ta instytucja już odpowiedziała na ankietę; odpowiedzi nie można "    \
    "wysłać drugi raz."

/* Column headers of the exports. */
#define T_SV_X_NO "Lp."
#define T_SV_X_AT "Czas (UTC)"
#define T_SV_X_ORG "Instytucja"

#endif
