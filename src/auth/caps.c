/*
** The permission table: which role has which capability. Every handler's
** capability is checked against this table by the router; nothing else in
** the program decides who may do what (handlers add only the region check).
*/
#include <string.h>

#include "auth.h"

#define C(cap) (1u << (cap))

/*
** The administrator runs the instance and its accounts; the helpline's
** sensitive notes stay with consultants (and administrators, who answer
** for exports). The analyst reads its region and edits nothing.
*/
static const unsigned role_caps[ROLE_COUNT] = {
    [ROLE_PUBLIC] = C(CAP_PUBLIC),
    [ROLE_ADMIN] =
        C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_PLAN_READ) | C(CAP_PLAN_EDIT) |
        C(CAP_USERS_ADMIN) | C(CAP_AUDIT_READ) | C(CAP_DIRECTORY_EDIT) |
        C(CAP_HELPLINE_READ) | C(CAP_HELPLINE_NOTES) | C(CAP_HELPLINE_MANAGE) |
        C(CAP_REALISATION_APPROVE) | C(CAP_REGISTER_EDIT) | C(CAP_REPORT_READ) |
        C(CAP_OPS) | C(CAP_REGIONS_ADMIN) | C(CAP_GRANT_MANAGE) |
        C(CAP_PARTICIPANTS) | C(CAP_ZONE_MODERATE),
    [ROLE_COORDINATOR] =
        C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_PLAN_READ) | C(CAP_PLAN_EDIT) |
        C(CAP_DIRECTORY_EDIT) | C(CAP_HELPLINE_READ) | C(CAP_HELPLINE_MANAGE) |
        C(CAP_REALISATION_ENTER) | C(CAP_REALISATION_APPROVE) |
        C(CAP_REGISTER_EDIT) | C(CAP_REPORT_READ) | C(CAP_GRANT_MANAGE) |
        C(CAP_GRANT_SCORE) | C(CAP_PARTICIPANTS) | C(CAP_ZONE_MODERATE),
    [ROLE_IMPLEMENTER] = C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_PLAN_READ) |
                         C(CAP_REALISATION_ENTER) | C(CAP_REGISTER_EDIT) |
                         C(CAP_REPORT_READ) | C(CAP_GRANT_SCORE),
    [ROLE_CONSULTANT] = C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_HELPLINE_LOG) |
                        C(CAP_HELPLINE_READ) | C(CAP_HELPLINE_NOTES) |
                        C(CAP_HELPLINE_MANAGE),
    [ROLE_ANALYST] = C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_PLAN_READ) |
                     C(CAP_HELPLINE_READ) | C(CAP_REPORT_READ) |
                     C(CAP_GRANT_SCORE),
    [ROLE_GRANTEE] = C(CAP_PUBLIC) | C(CAP_LOGIN) | C(CAP_GRANT_REPORT),
    /* A professional of the zone: the forum and proposals, as any login. */
    [ROLE_PROFESSIONAL] = C(CAP_PUBLIC) | C(CAP_LOGIN),
};

static const char *const role_names[ROLE_COUNT] = {
    [ROLE_PUBLIC] = "public",           [ROLE_ADMIN] = "administrator",
    [ROLE_COORDINATOR] = "coordinator", [ROLE_IMPLEMENTER] = "implementer",
    [ROLE_CONSULTANT] = "consultant",   [ROLE_ANALYST] = "analyst",
    [ROLE_GRANTEE] = "grantee",         [ROLE_PROFESSIONAL] = "professional",
};

static const char *const role_labels[ROLE_COUNT] = {
    [ROLE_PUBLIC] = "niezalogowany",
    [ROLE_ADMIN] = "administrator",
    [ROLE_COORDINATOR] = "koordynator",
    [ROLE_IMPLEMENTER] = "realizator",
    [ROLE_CONSULTANT] = "konsultant Niebieskiej Linii",
    [ROLE_ANALYST] = "analityk",
    [ROLE_GRANTEE] = "organizacja (grantobiorca)",
    [ROLE_PROFESSIONAL] = "profesjonalista",
};

/* The enum names, as the route tables and tests write them. */
#define NAME(c) [c] = #c
static const char *const cap_names[CAP_COUNT] = {
    NAME(CAP_NONE),
    NAME(CAP_PUBLIC),
    NAME(CAP_LOGIN),
    NAME(CAP_PLAN_READ),
    NAME(CAP_PLAN_EDIT),
    NAME(CAP_USERS_ADMIN),
    NAME(CAP_AUDIT_READ),
    NAME(CAP_DIRECTORY_EDIT),
    NAME(CAP_HELPLINE_LOG),
    NAME(CAP_HELPLINE_READ),
    NAME(CAP_HELPLINE_NOTES),
    NAME(CAP_HELPLINE_MANAGE),
    NAME(CAP_REALISATION_ENTER),
    NAME(CAP_REALISATION_APPROVE),
    NAME(CAP_REGISTER_EDIT),
    NAME(CAP_GRANT_REPORT),
    NAME(CAP_REPORT_READ),
    NAME(CAP_OPS),
    NAME(CAP_REGIONS_ADMIN),
    NAME(CAP_GRANT_MANAGE),
    NAME(CAP_GRANT_SCORE),
    NAME(CAP_PARTICIPANTS),
    NAME(CAP_ZONE_MODERATE),
};
#undef NAME

bool
auth_role_has(enum role role, enum cap cap)
{
    if (role < 0 || role >= ROLE_COUNT || cap <= CAP_NONE || cap >= CAP_COUNT) {
        return false;
    }
    return (role_caps[role] & C(cap)) != 0;
}

const char *
auth_role_name(enum role role)
{
    return role >= 0 && role < ROLE_COUNT ? role_names[role] : "?";
}

const char *
auth_role_label(enum role role)
{
    return role >= 0 && role < ROLE_COUNT ? role_labels[role] : "?";
}

enum role
auth_role_from_name(const char *name)
{
    int i;

    for (i = ROLE_ADMIN; i < ROLE_COUNT; i++) {
        if (strcmp(role_names[i], name) == 0) {
            return (enum role)i;
        }
    }
    return ROLE_PUBLIC;
}

const char *
auth_cap_name(enum cap cap)
{
    return cap >= 0 && cap < CAP_COUNT ? cap_names[cap] : "?";
}

bool
auth_cap_sensitive(enum cap cap)
{
    return cap == CAP_USERS_ADMIN || cap == CAP_AUDIT_READ ||
           cap == CAP_HELPLINE_LOG || cap == CAP_HELPLINE_READ ||
           cap == CAP_HELPLINE_NOTES || cap == CAP_HELPLINE_MANAGE ||
           cap == CAP_OPS || cap == CAP_REGIONS_ADMIN ||
           cap == CAP_PARTICIPANTS;
}
