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
/* A list of Polish error messages at the top of a form, with role=alert. */
void form_errors(struct req *r, const char *const *msgs, int n);

#endif
