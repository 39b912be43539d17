/* Operations: backups, config, metrics (issue 8): handlers named in routes.inc.
 */
#ifndef OPS_PAGES_H
#define OPS_PAGES_H

#include "http/http.h"

/* GET /healthz: 200 "ok" when the store answers, else 503. */
int page_ops_healthz(struct req *r);
/* GET /metrics: Prometheus text format, for administrators or loopback. */
int page_ops_metrics(struct req *r);
/* GET /system: last backups and the store's figures, for administrators. */
int page_ops_system(struct req *r);

#endif
