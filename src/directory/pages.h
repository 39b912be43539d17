/* Services directory (issue 5): handlers named in routes.inc. */
#ifndef DIRECTORY_PAGES_H
#define DIRECTORY_PAGES_H

#include "http/http.h"

#endif
