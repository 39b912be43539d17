/* Operations: backups, config, metrics (issue 8): handlers named in routes.inc. */
#ifndef OPS_PAGES_H
#define OPS_PAGES_H

#include "http/http.h"

#endif
