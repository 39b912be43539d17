/* Niebieska Linia (issue 6): handlers named in routes.inc. */
#ifndef HELPLINE_PAGES_H
#define HELPLINE_PAGES_H

#include "http/http.h"

/* helpline_pages.c */
int page_helpline_home(struct req *r);
int page_helpline_contacts(struct req *r);
int page_helpline_contact_form(struct req *r);
int page_helpline_contact_add(struct req *r);
int page_helpline_contact(struct req *r);
int page_helpline_duties(struct req *r);
int page_helpline_duty_add(struct req *r);
int page_helpline_duty_delete(struct req *r);
int page_helpline_agreements(struct req *r);
int page_helpline_agreement_set(struct req *r);
/* helpline_stats_pages.c */
int page_helpline_stats(struct req *r);
/* helpline_export.c */
int page_helpline_contacts_csv(struct req *r);
int page_helpline_contacts_xlsx(struct req *r);
int page_helpline_stats_csv(struct req *r);
int page_helpline_stats_xlsx(struct req *r);
/* helpline_api.c */
int api_helpline_agreements(struct req *r);
int api_helpline_duties(struct req *r);
int api_helpline_contacts(struct req *r);
int api_helpline_stats(struct req *r);

#endif
