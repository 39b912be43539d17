/*
** The small markup of forum posts (issue 19): plain text where a few
** signs make structure, rendered as escaped HTML. Nothing the writer types
** becomes markup of its own: every character of text is escaped, and the
** only elements written are p, br, ul, ol, li, blockquote, em, strong and
** a (http and https links only, rel="nofollow ugc noopener").
**
**   a blank line            ends a paragraph, a list or a quote
**   "- x" or "* x"          an item of a bulleted list
**   "1. x" (digits, ". ")   an item of a numbered list
**   "> x"                   a line of a quote (one level)
**   *x*  **x**              emphasis and strong emphasis, within a line
**   [text](https://...)     a link; a bare http:// or https:// address too
**
** One pass over the input: each byte is looked at a bounded number of
** times (a "[" looks ahead at most MARKUP_LINK_SCAN bytes for its "]("),
** so the time is linear; the input is capped at MARKUP_MAX bytes (what is
** longer is refused by the caller, and cut here) and the output is at most
** a constant times the input.
*/
#ifndef ZONE_MARKUP_H
#define ZONE_MARKUP_H

#include <stddef.h>

#include "core/buf.h"

#define MARKUP_MAX 20000
#define MARKUP_LINK_SCAN 512

/* Render text (UTF-8, at most MARKUP_MAX bytes read) as HTML into out. */
void markup_render(struct buf *out, const char *text);

#endif
