/*
** Polish words of the infrastructure that every layer may print: the
** currency, month names in dates, the alphabet of the Polish collation.
** Macros, so that they paste into literals and printf formats.
*/
#ifndef CORE_STRINGS_PL_H
#define CORE_STRINGS_PL_H

/* After an amount: "%s " T_CURRENCY. */
#define T_CURRENCY "zł"

/* Month names in the genitive ("3 września 2026 r."), an initializer. */
#define T_MONTHS_GENITIVE                                                      \
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",     \
        "sierpnia", "września", "października", "listopada", "grudnia"

/* A quoted value inside a message, with Polish quotes. */
#define T_QUOTED "„%s”"

#endif
