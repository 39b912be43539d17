/*
** Every route of the program, one line each. A path that is not here does
** not exist. tests/tools/check_routes.sh compares each handler's ROUTE and
** CAP header comment with this table.
*/
#include "router.h"

#include "auth/login_pages.h"
#include "directory/pages.h"
#include "helpline/pages.h"
#include "monitoring/pages.h"
#include "ops/pages.h"
#include "home/home_pages.h"
#include "plan/plan_pages.h"
#include "region/region_pages.h"
#include "teryt/teryt_pages.h"
#include "users/users_pages.h"

#define ROUTE(m, p, h, c) {m, p, h, c, #h, false},
/* A route whose body is a file: only it gets the upload body limit, and
 * only once the caller's capability is checked. */
#define ROUTE_UPLOAD(m, p, h, c) {m, p, h, c, #h, true},

/* One route per line, as a table: clang-format leaves it alone. */
/* clang-format off */
const struct route routes[] = {
    ROUTE("GET", "/", page_home, CAP_PUBLIC)
    ROUTE("GET", "/api/regions", api_regions, CAP_PUBLIC)
    ROUTE("GET", "/teryt", page_teryt_woj_list, CAP_PUBLIC)
    ROUTE("GET", "/teryt/szukaj", page_teryt_search, CAP_PUBLIC)
    ROUTE("GET", "/teryt/:woj", page_teryt_woj, CAP_PUBLIC)
    ROUTE("GET", "/teryt/:woj/:pow", page_teryt_powiat, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/wojewodztwa", api_teryt_woj_list, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/powiaty", api_teryt_powiaty, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/gminy", api_teryt_gminy, CAP_PUBLIC)
    ROUTE("GET", "/api/places", api_places, CAP_PUBLIC)
    ROUTE("GET", "/plany", page_plan_list, CAP_PUBLIC)
    ROUTE("GET", "/plany/wczytaj", page_plan_upload_form, CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/nowy", page_plan_new, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/nowy", page_plan_create, CAP_PLAN_EDIT)
    ROUTE_UPLOAD("POST", "/plany/wczytaj", page_plan_upload, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/wczytaj/:id", page_plan_upload_confirm,
          CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id", page_plan, CAP_PUBLIC)
    ROUTE("POST", "/plany/:id/publikacja", page_plan_publish, CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id/zadania/:task", page_plan_task, CAP_PUBLIC)
    ROUTE("GET", "/plany/:id/nowe-zadanie", page_plan_task_new, CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id/eksport/:format", page_plan_export, CAP_PUBLIC)
    ROUTE("GET", "/plany/:id/edycja", page_plan_edit, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/edycja", page_plan_edit_save, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/nowe-zadanie", page_plan_task_add,
          CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/zadania/:task", page_plan_task_save,
          CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id/struktura", page_plan_structure, CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id/struktura/:kind/nowy", page_plan_item_new,
          CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/struktura/:kind/nowy", page_plan_item_add,
          CAP_PLAN_EDIT)
    ROUTE("GET", "/plany/:id/struktura/:kind/:pos", page_plan_item,
          CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/struktura/:kind/:pos", page_plan_item_save,
          CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/struktura/:kind/:pos/usun",
          page_plan_item_remove, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/usun", page_plan_delete, CAP_PLAN_EDIT)
    ROUTE("POST", "/plany/:id/archiwum", page_plan_archive, CAP_PLAN_EDIT)
    ROUTE("GET", "/api/plans", api_plan_list, CAP_PUBLIC)
    ROUTE_UPLOAD("POST", "/api/plans", api_plan_upload, CAP_PLAN_EDIT)
    ROUTE("GET", "/api/plans/:id", api_plan, CAP_PUBLIC)
    ROUTE("GET", "/login", page_login, CAP_PUBLIC)
    ROUTE("POST", "/login", page_login_post, CAP_PUBLIC)
    ROUTE("POST", "/logout", page_logout, CAP_LOGIN)
    ROUTE("GET", "/uzytkownicy", page_users, CAP_USERS_ADMIN)
    ROUTE("POST", "/uzytkownicy", page_users_add, CAP_USERS_ADMIN)
    ROUTE("POST", "/uzytkownicy/blokada", page_users_toggle, CAP_USERS_ADMIN)
    ROUTE("POST", "/uzytkownicy/haslo", page_users_password, CAP_USERS_ADMIN)
    ROUTE("GET", "/api/users", api_users, CAP_USERS_ADMIN)
    ROUTE("GET", "/audyt", page_audit, CAP_AUDIT_READ)
    ROUTE("GET", "/audyt.csv", page_audit_csv, CAP_AUDIT_READ)
    ROUTE("GET", "/api/audit", api_audit, CAP_AUDIT_READ)
    ROUTE("GET", "/regiony", page_regions, CAP_REGIONS_ADMIN)
    ROUTE("POST", "/regiony", page_regions_save, CAP_REGIONS_ADMIN)
/* Each module keeps its lines in its own file; they are this one table. */
#include "directory/routes.inc"
#include "helpline/routes.inc"
#include "monitoring/routes.inc"
#include "ops/routes.inc"
};
/* clang-format on */

const int routes_count = sizeof(routes) / sizeof(routes[0]);
