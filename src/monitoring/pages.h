/* Monitoring, registers and the annual report (issue 7): handlers named in
 * routes.inc. */
#ifndef MONITORING_PAGES_H
#define MONITORING_PAGES_H

#include "http/http.h"
#include "monitoring/monitoring.h"

/* The acting account of a request, for the domain functions. */
struct mon_actor mon_actor_of(struct req *r);

int page_mon_home(struct req *r);
int page_mon_pending(struct req *r);
int page_mon_entry_save(struct req *r);
int page_mon_entry(struct req *r);
int page_mon_entry_decide(struct req *r);
int page_mon_dashboard(struct req *r);
int page_mon_realisation(struct req *r);
int page_mon_bind(struct req *r);
int page_mon_report(struct req *r);
int page_mon_report_adopt(struct req *r);
int page_mon_period(struct req *r);
int page_my_tasks(struct req *r);
int page_mon_narrative_save(struct req *r);
int page_mon_adopted_file(struct req *r);
int page_mon_adopted_list(struct req *r);
int api_mon_report(struct req *r);
int page_reg_home(struct req *r);
int page_reg_list(struct req *r);
int page_reg_csv(struct req *r);
int page_reg_new(struct req *r);
int page_reg_import(struct req *r);
int page_reg_create(struct req *r);
int page_reg_edit(struct req *r);
int page_reg_update(struct req *r);
int page_reg_delete(struct req *r);
int page_grant_mine(struct req *r);
int page_grant_report_form(struct req *r);
int page_grant_report_save(struct req *r);
int page_grant_awards(struct req *r);
int page_grant_award_add(struct req *r);
int page_grant_award_delete(struct req *r);
int api_reg_list(struct req *r);
int api_reg_record(struct req *r);

#endif
