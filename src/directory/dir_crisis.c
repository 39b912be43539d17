/*
** The crisis lines shown before any other result: the region's helplines
** (its settings, src/region) and the national lines (data with their
** sources, read by src/region), each with its hours and whether it is open
** now.
*/
#include <string.h>

#include "core/arena.h"
#include "core/warsaw.h"
#include "directory.h"
#include "region/region.h"

#define CRISIS_MAX 16 /* lines of one answer at most */

static void
add_lines(const struct region_line *src, int k, int minute,
          struct dir_crisis_line *out, int *n)
{
    int i;

    for (i = 0; i < k && *n < CRISIS_MAX; i++) {
        struct dir_crisis_line *l = &out[(*n)++];

        l->name = src[i].name;
        l->phone = src[i].phone;
        l->hours = src[i].hours ? src[i].hours : "";
        l->open_now = src[i].open_from < 0                    ? -1
                      : region_line_open_now(&src[i], minute) ? 1
                                                              : 0;
    }
}

int
dir_crisis_lines(struct db *db, struct arena *a, const char *woj, int64_t now,
                 struct dir_crisis_line **out)
{
    struct dir_crisis_line *l = arena_alloc(a, sizeof(*l) * CRISIS_MAX);
    struct region_line *rl;
    struct tm tm;
    int n = 0, k;

    warsaw_tm(now, &tm);
    memset(l, 0, sizeof(*l) * CRISIS_MAX);
    if (woj != NULL && strlen(woj) >= 2) {
        k = region_lines(db, a, arena_strndup(a, woj, 2), &rl);
        if (k > 0) {
            add_lines(rl, k, tm.tm_hour * 60 + tm.tm_min, l, &n);
        }
    }
    k = region_national_lines(a, &rl);
    add_lines(rl, k, tm.tm_hour * 60 + tm.tm_min, l, &n);
    *out = l;
    return n;
}

const char *
dir_region_info_line(struct db *db, struct arena *a, const char *woj)
{
    struct region_settings s;

    if (woj == NULL || strlen(woj) < 2 ||
        region_get(db, a, arena_strndup(a, woj, 2), &s) != 0 ||
        s.info_line == NULL) {
        return "";
    }
    return s.info_line;
}

bool
dir_about_violence(const char *category, const char *target)
{
    return (category != NULL && strcmp(category, "przemoc") == 0) ||
           (target != NULL && strcmp(target, "przemoc") == 0);
}

bool
dir_violence_category(const char *category)
{
    static const char *const kept[] = {"przemoc", "kryzys", "prawna",
                                       "telefon"};
    size_t i;

    for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
        if (category != NULL && strcmp(category, kept[i]) == 0) {
            return true;
        }
    }
    return false;
}
