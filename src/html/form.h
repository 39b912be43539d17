/*
** Forms: form_begin() writes the opening tag and the hidden CSRF field,
** so no page can forget it; the router checks the token on every POST.
*/
#ifndef HTML_FORM_H
#define HTML_FORM_H

#include "http/http.h"

/* <form method="post" action="..."> with the CSRF token; enctype optional. */
void form_begin(struct req *r, const char *action, const char *enctype);
void form_end(struct req *r);
/* A labelled text input; type is "text", "password" ...; value may be NULL. */
void form_input(struct req *r, const char *name, const char *label,
                const char *type, const char *value, const char *extra_attrs);
/* The required upload field "file", taking the file types in accept. */
void form_file(struct req *r, const char *label, const char *accept);
/*
** A labelled text input that keeps what was typed (value) and, when error
** is not NULL, shows the message at the field, tied to it by
** aria-describedby, with aria-invalid set.
*/
void form_text_field(struct req *r, const char *name, const char *label,
                     const char *value, const char *error);
/*
** A list of Polish error messages at the top of a form, with role=alert;
** layout_end links each to the field it names (form_mark_errors).
*/
void form_errors(struct req *r, const char *const *msgs, int n);
/*
** Tie the page's error summaries (<div class="errors" role="alert">, as
** form_errors writes them) to their fields, for every form of the product
** in one place; layout_end calls it on the page written so far. An item
** names its field as the house style writes a message: "Label: what",
** "Pole „Label”: what" or "pole „name”: what". The field is the control
** whose <label for> text is Label (the first such field not named by an
** earlier item: a form may repeat a label), the control of id "f-name", or
** every control of the fieldset whose legend is Label. The item then gets
** an id and a link to the (first) field, and each field
** aria-invalid="true" and that id in its aria-describedby. An item that
** names no field of the page stays as it is. The first FORM_MARK_MAX
** items of a page are looked at, each in time linear in the page.
*/
#define FORM_MARK_MAX 64
void form_mark_errors(struct req *r);

#endif
