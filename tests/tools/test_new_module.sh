#!/bin/sh
# Issue 13: a module added by the recipe of docs/architecture.md ("Adding a
# module") needs no edit outside its folder and src/modules.def. Copies the
# tracked tree to a temporary folder, adds the example module (a migration
# with a table, a query, a string, a page and its route), builds it without
# the tests, runs init and serve, and reads the page; then checks with git
# that nothing else changed. Prints `ok NAME` or `FAIL NAME: why` per step.
# Usage: test_new_module.sh [BUILD_DIR] (the argument is not used: the
# copy gets a build of its own).
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "FAIL new_module.$1: $2"
    exit 1
}

mkdir "$tmp/tree"
(cd "$top" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$tmp/tree" ||
    fail copy "cannot copy the tracked tree"
cd "$tmp/tree" || exit 1
git init -q && git add -A &&
    git -c user.name=test -c user.email=test@localhost commit -qm base ||
    fail copy "git init of the copy failed"

# The recipe, step by step.
m=src/example
mkdir -p $m/migrations
cat >$m/meson.build <<'EOF'
# The example module of docs/architecture.md.
example_sources = files('example_store.c', 'example_pages.c')
example_migrations = files('migrations/0900_example.sql')
example_unit_tests = []
EOF
cat >$m/migrations/0900_example.sql <<'EOF'
CREATE TABLE example_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
INSERT INTO example_note(text) VALUES ('note from the example table');
EOF
cat >$m/queries.def <<'EOF'
/* The example module: its SQL. */
Q(Q_EXAMPLE_NOTES, "SELECT text FROM example_note ORDER BY id")
EOF
cat >$m/strings_pl.h <<'EOF'
/* The example module: its Polish texts. */
#ifndef EXAMPLE_STRINGS_PL_H
#define EXAMPLE_STRINGS_PL_H

#define T_EXAMPLE_TITLE "Moduł przykładowy"

#endif
EOF
cat >$m/example.h <<'EOF'
/* The example module: what its store offers. */
#ifndef EXAMPLE_H
#define EXAMPLE_H

#include "core/arena.h"
#include "db/db.h"

/* The notes of the example table, oldest first (at most 16); their count. */
int example_notes(struct db *db, struct arena *a, const char ***notes);

#endif
EOF
cat >$m/example_store.c <<'EOF'
/* The example module's store: the only file that runs its SQL. */
#include "example/example.h"

int
example_notes(struct db *db, struct arena *a, const char ***notes)
{
    db_stmt *st = db_query(db, Q_EXAMPLE_NOTES);
    int n = 0;

    *notes = arena_alloc(a, 16 * sizeof(**notes));
    while (n < 16 && db_step(st) == DB_ROW) {
        (*notes)[n++] = db_col_text_dup(a, st, 0);
    }
    db_done(st);
    return n;
}
EOF
cat >$m/example_pages.c <<'EOF'
/* The example module's one page: the notes of its table. */
#include "modules_handlers.h"

#include "example/example.h"
#include "example/strings_pl.h"
#include "html/html.h"
#include "html/layout.h"

/*
** ROUTE: GET /przyklad
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_example(struct req *r)
{
    const char **notes;
    int i, n = example_notes(r->db, &r->arena, &notes);

    layout_begin(r, T_EXAMPLE_TITLE);
    html_lit(&r->out, "<h1>" T_EXAMPLE_TITLE "</h1>\n<ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<li>%s</li>\n", notes[i]);
    }
    html_lit(&r->out, "</ul>\n");
    layout_end(r);
    return 0;
}
EOF
cat >$m/routes.inc <<'EOF'
/* The example module: its lines of the route table. */
#include "auth/auth.h"
    ROUTE("GET", "/przyklad", page_example, CAP_PUBLIC)
EOF
cat >$m/module.inc <<'EOF'
/* The example module: no CLI command, no init or demo hook. */
EOF
echo 'MODULE(example)' >>src/modules.def

# The house rules hold for the new module as for the rest (the rules main
# already satisfies; PENDING ones are reported by --all).
rules=$(python3 tests/tools/check_source.py --root . 2>&1) ||
    fail follows_the_rules "$(echo "$rules" | grep FAIL | head -n 3)"
echo "ok new_module.follows_the_rules"

if ! nice meson setup "$tmp/build" -Dtests=false -Doptimization=0 \
    >"$tmp/setup.log" 2>&1 ||
    ! nice ninja -C "$tmp/build" rodzina >"$tmp/build.log" 2>&1; then
    tail -n 15 "$tmp/setup.log" "$tmp/build.log"
    fail builds "the tree with the example module does not build"
fi
echo "ok new_module.builds"

bin=$tmp/build/rodzina
"$bin" init --db "$tmp/x.db" >"$tmp/init.log" 2>&1 ||
    fail serves_its_table "init failed: $(tail -n 3 "$tmp/init.log")"
# Served by the integration tests' harness (a free port, stopped after).
page=$(python3 - "$top/tests/integration" "$bin" "$tmp/x.db" <<'EOF' 2>&1
import sys
sys.path.insert(0, sys.argv[1])
from harness import Server
srv = Server(sys.argv[2], sys.argv[3])
try:
    status, _, body = srv.get('/przyklad')
    print(status)
    print(body.decode())
finally:
    srv.stop()
EOF
)
case $page in
200*"Moduł przykładowy"*"<li>note from the example table</li>"*)
    echo "ok new_module.serves_its_table" ;;
*) fail serves_its_table "GET /przyklad: $(echo "$page" | head -n 3)" ;;
esac

changed=$(git status --porcelain --untracked-files=all |
    grep -v -e '^?? src/example/' -e '^ M src/modules.def$')
[ -z "$changed" ] ||
    fail touches_only_its_folder "changed outside src/example/: $changed"
git status --porcelain | grep -q '^ M src/modules.def$' ||
    fail touches_only_its_folder "src/modules.def is unchanged"
echo "ok new_module.touches_only_its_folder_and_the_list"
