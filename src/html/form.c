/* Form writers; see form.h. */
#include "form.h"

#include "html.h"

void
form_begin(struct req *r, const char *action, const char *enctype)
{
    if (enctype != NULL) {
        html_printf(&r->out,
                    "<form method=\"post\" action=\"%s\" enctype=\"%s\">"
                    "\n",
                    action, enctype);
    } else {
        html_printf(&r->out, "<form method=\"post\" action=\"%s\">\n", action);
    }
    html_printf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
                req_csrf(r));
}

void
form_end(struct req *r)
{
    html_lit(&r->out, "</form>\n");
}

void
form_input(struct req *r, const char *name, const char *label, const char *type,
           const char *value, const char *extra_attrs)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\"",
                name, label, name, name, type, value ? value : "");
    if (extra_attrs != NULL) {
        /* Attribute literals from the caller's code, never from data. */
        html_raw_trusted(&r->out, " ");
        html_raw_trusted(&r->out, extra_attrs);
    }
    html_lit(&r->out, "></p>\n");
}

void
form_file(struct req *r, const char *label, const char *accept)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-file\">%s</label>"
                "<input id=\"f-file\" name=\"file\" type=\"file\" "
                "required accept=\"%s\"></p>\n",
                label, accept);
}

void
form_text_field(struct req *r, const char *name, const char *label,
                const char *value, const char *error)
{
    html_printf(&r->out, "<p class=\"field\"><label for=\"f-%s\">%s</label>\n",
                name, label);
    if (error != NULL) {
        html_printf(&r->out,
                    "<span class=\"field-error\" id=\"f-%s-error\">%s"
                    "</span>\n<input id=\"f-%s\" name=\"%s\" type=\"text\" "
                    "value=\"%s\" aria-invalid=\"true\" "
                    "aria-describedby=\"f-%s-error\"></p>\n",
                    name, error, name, name, value ? value : "", name);
    } else {
        html_printf(&r->out,
                    "<input id=\"f-%s\" name=\"%s\" type=\"text\" "
                    "value=\"%s\"></p>\n",
                    name, name, value ? value : "");
    }
}

void
form_errors(struct req *r, const char *const *msgs, int n)
{
    int i;

    if (n == 0) {
        return;
    }
    html_lit(&r->out, "<div class=\"errors\" role=\"alert\"><ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<li>%s</li>\n", msgs[i]);
    }
    html_lit(&r->out, "</ul></div>\n");
}
