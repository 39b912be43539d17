/* Niebieska Linia (issue 6): handlers named in routes.inc. */
#ifndef HELPLINE_PAGES_H
#define HELPLINE_PAGES_H

#include "http/http.h"

#endif
