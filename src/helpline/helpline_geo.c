/*
** Gmina boundaries for the helpline's maps: a small JSON reader (enough for
** GeoJSON: objects, arrays, strings, numbers, literals; depth limited) and
** the walk from a FeatureCollection of Polygons and MultiPolygons to rings
** of lon/lat points. The region's files are compiled into the binary
** (data/geo, from the PRG register; see data/README.md).
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "helpline.h"

#define JSON_MAX_DEPTH 16

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
    enum jtype type;
    double num;
    const char *str;     /* J_STR (escapes other than \" \\ \/ kept) */
    int n;               /* elements (J_ARR) or members (J_OBJ) */
    struct jval **items; /* J_ARR, J_OBJ values */
    const char **keys;   /* J_OBJ */
};

struct reader {
    struct arena *a;
    const char *p, *end;
    bool bad;
};

static void
skip_ws(struct reader *r)
{
    while (r->p < r->end &&
           (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')) {
        r->p++;
    }
}

static const char *
read_string(struct reader *r)
{
    const char *start;
    char *out;
    size_t k = 0;

    r->p++; /* opening quote */
    start = r->p;
    while (r->p < r->end && *r->p != '"') {
        if (*r->p == '\\') {
            r->p++;
        }
        r->p++;
    }
    if (r->p >= r->end) {
        r->bad = true;
        return "";
    }
    out = arena_alloc(r->a, (size_t)(r->p - start) + 1);
    for (const char *q = start; q < r->p; q++) {
        if (*q == '\\' && q + 1 < r->p &&
            (q[1] == '"' || q[1] == '\\' || q[1] == '/')) {
            q++;
        }
        out[k++] = *q;
    }
    out[k] = '\0';
    r->p++; /* closing quote */
    return out;
}

static struct jval *read_value(struct reader *r, int depth);

static void
push(struct reader *r, struct jval *v, int *cap, struct jval *item,
     const char *key)
{
    if (v->n == *cap) {
        int ncap = *cap ? *cap * 2 : 4;

        v->items =
            arena_realloc(r->a, v->items, (size_t)*cap * sizeof(*v->items),
                          (size_t)ncap * sizeof(*v->items));
        if (v->type == J_OBJ) {
            v->keys =
                arena_realloc(r->a, v->keys, (size_t)*cap * sizeof(*v->keys),
                              (size_t)ncap * sizeof(*v->keys));
        }
        *cap = ncap;
    }
    if (v->type == J_OBJ) {
        v->keys[v->n] = key;
    }
    v->items[v->n++] = item;
}

static struct jval *
read_value(struct reader *r, int depth)
{
    struct jval *v = arena_alloc(r->a, sizeof(*v));
    int cap = 0;

    skip_ws(r);
    if (r->p >= r->end || depth > JSON_MAX_DEPTH) {
        r->bad = true;
        return v;
    }
    switch (*r->p) {
    case '{':
    case '[': {
        char close = *r->p == '{' ? '}' : ']';

        v->type = close == '}' ? J_OBJ : J_ARR;
        r->p++;
        skip_ws(r);
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return v;
        }
        while (!r->bad) {
            const char *key = NULL;

            skip_ws(r);
            if (v->type == J_OBJ) {
                if (r->p >= r->end || *r->p != '"') {
                    r->bad = true;
                    break;
                }
                key = read_string(r);
                skip_ws(r);
                if (r->p >= r->end || *r->p != ':') {
                    r->bad = true;
                    break;
                }
                r->p++;
            }
            push(r, v, &cap, read_value(r, depth + 1), key);
            skip_ws(r);
            if (r->p < r->end && *r->p == ',') {
                r->p++;
            } else if (r->p < r->end && *r->p == close) {
                r->p++;
                break;
            } else {
                r->bad = true;
            }
        }
        return v;
    }
    case '"':
        v->type = J_STR;
        v->str = read_string(r);
        return v;
    case 't':
    case 'f':
    case 'n':
        v->type = *r->p == 'n' ? J_NULL : J_BOOL;
        v->num = *r->p == 't';
        while (r->p < r->end && *r->p >= 'a' && *r->p <= 'z') {
            r->p++;
        }
        return v;
    default: {
        char *e;

        v->type = J_NUM;
        v->num = strtod(r->p, &e);
        if (e == r->p || e > r->end) {
            r->bad = true;
        }
        r->p = e;
        return v;
    }
    }
}

static struct jval *
member(const struct jval *o, const char *key)
{
    int i;

    if (o == NULL || o->type != J_OBJ) {
        return NULL;
    }
    for (i = 0; i < o->n; i++) {
        if (strcmp(o->keys[i], key) == 0) {
            return o->items[i];
        }
    }
    return NULL;
}

/* Append the rings of one polygon (array of rings of [lon, lat]). */
static int
add_polygon(struct arena *a, struct helpline_geo *geo,
            struct helpline_geo_gmina *g, const struct jval *poly,
            int *ring_cap, int *xy_cap, int *nxy)
{
    int i, k;

    if (poly == NULL || poly->type != J_ARR) {
        return ERR_INPUT;
    }
    for (i = 0; i < poly->n; i++) {
        const struct jval *ring = poly->items[i];

        if (ring->type != J_ARR) {
            return ERR_INPUT;
        }
        if (g->nrings == *ring_cap) {
            int ncap = *ring_cap ? *ring_cap * 2 : 2;

            g->ring_len =
                arena_realloc(a, g->ring_len, (size_t)*ring_cap * sizeof(int),
                              (size_t)ncap * sizeof(int));
            *ring_cap = ncap;
        }
        g->ring_len[g->nrings++] = ring->n;
        for (k = 0; k < ring->n; k++) {
            const struct jval *pt = ring->items[k];
            double lon, lat;

            if (pt->type != J_ARR || pt->n < 2 || pt->items[0]->type != J_NUM ||
                pt->items[1]->type != J_NUM) {
                return ERR_INPUT;
            }
            if (*nxy + 2 > *xy_cap) {
                int ncap = *xy_cap ? *xy_cap * 2 : 256;

                g->xy =
                    arena_realloc(a, g->xy, (size_t)*xy_cap * sizeof(double),
                                  (size_t)ncap * sizeof(double));
                *xy_cap = ncap;
            }
            lon = pt->items[0]->num;
            lat = pt->items[1]->num;
            g->xy[(*nxy)++] = lon;
            g->xy[(*nxy)++] = lat;
            if (lon < geo->min_lon) {
                geo->min_lon = lon;
            }
            if (lon > geo->max_lon) {
                geo->max_lon = lon;
            }
            if (lat < geo->min_lat) {
                geo->min_lat = lat;
            }
            if (lat > geo->max_lat) {
                geo->max_lat = lat;
            }
        }
    }
    return 0;
}

int
helpline_geo_parse(struct arena *a, const char *text, size_t len,
                   struct helpline_geo **out)
{
    struct reader r = {a, text, text + len, false};
    struct jval *root = read_value(&r, 0), *features;
    struct helpline_geo *geo;
    int i, k;

    features = member(root, "features");
    if (r.bad || features == NULL || features->type != J_ARR) {
        return ERR_INPUT;
    }
    geo = arena_alloc(a, sizeof(*geo));
    geo->gminas =
        arena_alloc(a, (size_t)(features->n + 1) * sizeof(*geo->gminas));
    geo->min_lon = geo->min_lat = 1e9;
    geo->max_lon = geo->max_lat = -1e9;
    for (i = 0; i < features->n; i++) {
        const struct jval *f = features->items[i];
        const struct jval *props = member(f, "properties");
        const struct jval *geom = member(f, "geometry");
        const struct jval *teryt = member(props, "teryt");
        const struct jval *name = member(props, "nazwa");
        const struct jval *type = member(geom, "type");
        const struct jval *coords = member(geom, "coordinates");
        struct helpline_geo_gmina *g = &geo->gminas[geo->ngminas];
        int ring_cap = 0, xy_cap = 0, nxy = 0;

        if (teryt == NULL || teryt->type != J_STR || type == NULL ||
            type->type != J_STR || coords == NULL || coords->type != J_ARR) {
            return ERR_INPUT;
        }
        memset(g, 0, sizeof(*g));
        g->teryt = teryt->str;
        g->name = name != NULL && name->type == J_STR ? name->str : "";
        if (strcmp(type->str, "Polygon") == 0) {
            if (add_polygon(a, geo, g, coords, &ring_cap, &xy_cap, &nxy)) {
                return ERR_INPUT;
            }
        } else if (strcmp(type->str, "MultiPolygon") == 0) {
            for (k = 0; k < coords->n; k++) {
                if (add_polygon(a, geo, g, coords->items[k], &ring_cap, &xy_cap,
                                &nxy)) {
                    return ERR_INPUT;
                }
            }
        } else {
            return ERR_INPUT;
        }
        geo->ngminas++;
    }
    if (geo->ngminas == 0) {
        return ERR_INPUT;
    }
    *out = geo;
    return 0;
}

int
helpline_geo_load(struct arena *a, const char *region,
                  struct helpline_geo **out)
{
    static const struct {
        const char *woj, *file;
    } files[] = {
        {"04", "gminy_kujawsko-pomorskie_2024_simplified.geojson"},
        {"12", "gminy_malopolskie_2024_simplified.geojson"},
    };
    size_t i;

    for (i = 0; region != NULL && i < sizeof(files) / sizeof(files[0]); i++) {
        if (strcmp(files[i].woj, region) == 0) {
            const struct embedded *e = embedded_find(data_files, files[i].file);

            if (e == NULL) {
                return ERR_NOTFOUND;
            }
            return helpline_geo_parse(a, e->data, e->len, out);
        }
    }
    return ERR_NOTFOUND;
}
