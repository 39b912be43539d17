/* Monitoring, registers and the annual report (issue 7): handlers named in routes.inc. */
#ifndef MONITORING_PAGES_H
#define MONITORING_PAGES_H

#include "http/http.h"

#endif
