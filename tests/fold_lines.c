/*
** fold_lines: str_fold() of each line of stdin, one line out per line in.
** tests/tools/test_fold_pg.py compares it with PostgreSQL's fold(), the
** twin written in migration 0001; it is no part of the program.
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "core/arena.h"
#include "core/str.h"

int
main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    while ((n = getline(&line, &cap, stdin)) >= 0) {
        struct arena a;

        if (n > 0 && line[n - 1] == '\n') {
            line[n - 1] = '\0';
        }
        arena_init(&a);
        printf("%s\n", str_fold(&a, line));
        arena_free(&a);
    }
    free(line);
    return 0;
}
