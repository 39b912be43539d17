/* The home page: user-visible Polish texts, T_* macros. */
#ifndef HOME_STRINGS_PL_H
#define HOME_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_HOME "Start"

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

/* What each part of the system holds. */
#define T_HOME_PART_PLANS                                                        \
    "Programy wojewódzkie, harmonogramy rzeczowo-finansowe i plany działań: " \
    "cele, działania, zadania, budżet według źródeł finansowania, "        \
    "wskaźniki."
#define T_HOME_PART_MONITORING                                                 \
    "Realizacja wskaźników i budżetu, sprawozdania roczne."
#define T_HOME_PART_HELPLINE                                                   \
    "Rejestr porad regionalnej Niebieskiej Linii, dyżury, "                   \
    "porozumienia z gminami, statystyki i mapa."
#define T_HOME_PART_SERVICES                                                   \
    "Publiczny katalog instytucji i usług dla mieszkańców: gmina, powiat, " \
    "region."
#define T_HOME_PART_REGISTERS                                                  \
    "Szkolenia i wydarzenia, konkursy ofert, ośrodki adopcyjne, publikacje "  \
    "i kampanie."
#define T_HOME_PART_USERS "Konta, role, sesje i dziennik zmian."
#define T_HOME_PART_REGIONS                                                    \
    "Województwa, powiaty i gminy z rejestru TERYT (GUS)."

#define T_HOME_WOJ_NAMED "Województwo %s"

#endif
