/* Monitoring, registers and the annual report (issue 7): handlers named in
 * routes.inc. */
#ifndef MONITORING_PAGES_H
#define MONITORING_PAGES_H

#include "http/http.h"
#include "monitoring/monitoring.h"

/* The acting account of a request, for the domain functions. */
struct mon_actor mon_actor_of(struct req *r);

#endif
