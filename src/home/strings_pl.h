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

#endif
