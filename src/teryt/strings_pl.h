/* TERYT localities (issue 15): user-visible Polish texts, T_* macros. */
#ifndef TERYT_STRINGS_PL_H
#define TERYT_STRINGS_PL_H

#define T_PLACES_ERR_Q                                                         \
    "Podaj parametr „q”: nazwę gminy, miejscowości albo kod pocztowy."
#define T_PLACES_ERR_WOJ                                                       \
    "Parametr „woj” musi być dwucyfrowym kodem województwa."

#endif
