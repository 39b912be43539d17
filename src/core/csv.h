/*
** The one CSV writer and the one CSV reader of the product, and the one
** rule against formula
** injection (OWASP): a text cell that starts with = + - @ TAB or CR is
** written with a leading ' so a spreadsheet shows it instead of running
** it. Numbers go through csv_num/csv_int and are never prefixed. Our own
** readers undo the prefix with csv_unguard, so an export read back gives
** the original text. XLSX text cells take the same rule through
** core/xlsx_cell.h. The separator, quoting and byte-order mark are each
** export's own choice (flags below); rows end with CRLF.
*/
#ifndef CORE_CSV_H
#define CORE_CSV_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

struct arena;

/* Flags of csv_begin. A field with the separator, '"', CR or LF is always
 * quoted. */
enum {
    CSV_BOM = 1,          /* start with the UTF-8 byte-order mark (Excel) */
    CSV_QUOTE_ALL = 2,    /* quote every text field */
    CSV_QUOTE_SPACES = 4, /* quote a field with a leading or trailing space */
    CSV_QUOTE_COMMA_SEMI = 8, /* quote ',' and ';' whatever the separator */
};

struct csv {
    struct buf *out; /* borrowed; the rows are appended */
    char sep;
    unsigned flags;
    int col; /* fields written in the current row */
};

/* Start writing to out (BOM first with CSV_BOM). */
void csv_begin(struct csv *c, struct buf *out, char sep, unsigned flags);
/* A text field (NULL is empty), guarded when it would start a formula. */
void csv_text(struct csv *c, const char *s);
/*
** A number already formatted ("-1 234,56", "52.21"): written as it is,
** never guarded. Anything that is not such a number is written by
** csv_text, so data cannot pass for a number.
*/
void csv_num(struct csv *c, const char *s);
void csv_int(struct csv *c, int64_t v);
/* End the row (CRLF). */
void csv_row_end(struct csv *c);

/*
** True when a spreadsheet would take s as a formula: it starts with
** = + - @ TAB or CR, possibly after guards already there (so a text that
** itself starts with "'=" keeps its quote through a round trip).
*/
bool csv_needs_guard(const char *s);
/* Append s to b, guarded (a leading ') when csv_needs_guard(s). */
void csv_guard_to(struct buf *b, const char *s);
/* The text a guarded cell stands for: s without the guard, else s. */
char *csv_unguard(char *s);

/*
** The reader: a tokenizer that gives the cells of CSV text one at a time
** (RFC 4180: a quoted cell holds separators, line breaks and "" for ").
** The caller picks the separator and builds rows, limits and messages
** its own way. Rows end at LF, CRLF or CR; a blank line is a row of one
** empty cell. Each byte is looked at once, so time is linear in the text.
*/
struct csv_in {
    const char *p, *end;
    char sep;
    int line;      /* line where the last cell ended (a quoted break counts) */
    int cell_line; /* line where the last cell began */
    bool unclosed; /* the last cell's quote ran to the end of the text */
    bool stray;    /* text followed the last cell's closing quote (kept) */
    bool in_row;   /* a separator was read: one more cell is due */
    bool row_ended;
    struct buf cell; /* a quoted cell's text */
};

enum csv_step {
    CSV_END,  /* no more rows */
    CSV_CELL, /* a cell, more follow on its row */
    CSV_LAST, /* the last cell of its row */
};

/* Length of the UTF-8 byte-order mark at data[0..len): 3 or 0. */
size_t csv_bom_len(const char *data, size_t len);
/*
** The text of a CSV file a person gives us, as UTF-8: without a UTF-8
** byte-order mark; UTF-8 as it is (*text points into data), else
** Windows-1250 (what a Polish Excel saves as "CSV") converted into a.
** *cp1250 says which. 0, or ERR_INPUT when it is neither (a NUL byte, or
** a byte Windows-1250 leaves undefined). One pass over the bytes.
*/
int csv_decode(struct arena *a, const char *data, size_t len, const char **text,
               size_t *tlen, bool *cp1250);
#define CSV_SNIFF_BYTES 65536 /* how much of a text csv_sniff_* reads */
/*
** The separator of a CSV text, ';' or ',', from its header line: the
** first line for which is_header(ctx, line, length) is true, or simply
** the first line when is_header is NULL. The header line says ';' when
** it has two or more ';' outside quotes or no fewer ';' than ',' (a tie,
** even none of either, is ';', as a Polish Excel writes; Polish headers
** carry commas: "Termin, miesiace"); else ','. No header line in the
** first CSV_SNIFF_BYTES: ';' when some line there has a ';' outside
** quotes, else ','. Lines end at '\n' and so do quotes (a stray '"' does
** not swallow the text). Linear in min(len, CSV_SNIFF_BYTES) plus
** is_header's work.
*/
char csv_sniff_sep_at(const char *text, size_t len,
                      bool (*is_header)(void *ctx, const char *line, size_t n),
                      void *ctx);
/* csv_sniff_sep_at with the first line as the header. */
char csv_sniff_sep(const char *text, size_t len);
/* Read text[0..len) with separator sep. */
void csv_read_begin(struct csv_in *c, const char *text, size_t len, char sep);
/*
** The next cell: *s and *n get its text, without quotes; it points into
** the input or into c (valid until the next call). Returns an enum
** csv_step.
*/
int csv_read_cell(struct csv_in *c, const char **s, size_t *n);
void csv_read_end(struct csv_in *c);

#endif
