/*
** The indicators every module lists in its module.inc as
** INDICATOR(name): the observatory's registration hook, like the menu's.
** A module adds one by defining a struct obs_indicator and one line.
*/
#include <stddef.h>

#include "observatory.h"

#define INDICATOR(name) extern const struct obs_indicator name;
#include "modules.inc"

const struct obs_indicator *const obs_indicators[] = {
#define INDICATOR(name) &name,
#include "modules.inc"
    NULL,
};

const int obs_nindicators =
    (int)(sizeof(obs_indicators) / sizeof(obs_indicators[0])) - 1;
