/*
** The professionals' zone (issue 19): accounts of professionals confirmed
** by a moderator of the office, the forum (categories, threads, posts,
** attachments, reports, moderation, unread threads, search) and the base
** of good practices. zone_store.c runs all of its SQL; the pages are
** forum_pages.c, prof_pages.c and practice_pages.c. Other modules use
** only zone_html_gmina_practices() (the directory's page of a gmina).
*/
#ifndef ZONE_ZONE_H
#define ZONE_ZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"

struct arena;
struct db;
struct req;

#define ZONE_TITLE_MAX 200  /* bytes of a thread's or practice's title */
#define ZONE_FIELD_MAX 300  /* bytes of a short field (name, institution) */
#define ZONE_TEXT_MAX 20000 /* bytes of a post or a practice's text */
#define ZONE_FILE_MAX (5 * 1024 * 1024)      /* bytes of an attachment */
#define ZONE_MATERIAL_MAX (20 * 1024 * 1024) /* bytes of a material's file */
#define ZONE_PAGE 50                         /* threads or results on a page */

/* --- accounts of professionals ----------------------------------------- */

struct zone_registration {
    const char *login, *password, *name, *email, *institution, *gmina, *grp;
};
/*
** Register a professional: an account of role professional, held
** (disabled) until a moderator confirms it, with what the person told.
** ERR_INPUT with a Polish reason in *why (naming the field), ERR_CONFLICT
** when the login is taken, ERR_DB. Nothing is written on error.
*/
int zone_register(struct db *db, struct arena *a,
                  const struct zone_registration *g,
                  const struct audit_entry *who, const char **why);

struct zone_prof {
    int64_t account_id;
    const char *login, *name, *email, *institution, *gmina, *gmina_name;
    const char *grp, *state, *created_at;
};
/* Registrations waiting in region (NULL: every region): count or < 0. */
int zone_prof_pending(struct db *db, struct arena *a, const char *region,
                      struct zone_prof **out);
/* The profile of account id: 0, ERR_NOTFOUND or ERR_DB. */
int zone_prof_get(struct db *db, struct arena *a, int64_t id,
                  struct zone_prof *out);
/*
** Confirm (the account is enabled) or reject a pending registration of
** region (NULL: any), audited. ERR_NOTFOUND when there is no such pending
** registration in that region.
*/
int zone_prof_decide(struct db *db, struct arena *a, int64_t id,
                     const char *region, bool confirm,
                     const struct audit_entry *who);

/* Whether account id asked for e-mail about replies: 0 with *on, or
** ERR_NOTFOUND (not a professional). */
int zone_prof_notify(struct db *db, int64_t id, bool *on);
/* Ask for (on) or stop e-mail about replies, audited: 0, ERR_NOTFOUND. */
int zone_notify_set(struct db *db, struct arena *a, int64_t id, bool on,
                    const struct audit_entry *who);
/*
** Erase what professional id (login) told and its queued e-mail, and
** disable the account (its sessions end), audited without the data:
** 0, ERR_NOTFOUND. Its posts stay, signed with the login.
*/
int zone_prof_erase(struct db *db, struct arena *a, int64_t id,
                    const char *login, const struct audit_entry *who);

/* A queued e-mail about a reply, as `rodzina forum mail` writes it. */
/* The professional groups, as codes and Polish names (NULL-terminated). */
extern const char *const zone_groups[][2];
const char *zone_group_label(const char *code);

/* --- forum --------------------------------------------------------------- */

struct zone_category {
    int64_t id;
    const char *region, *name, *description;
    int64_t threads, unread;
};
/* Categories of region (NULL: all) with their threads and the threads
** unread by account: count or < 0. */
int zone_categories(struct db *db, struct arena *a, const char *region,
                    int64_t account, struct zone_category **out);
/* Category id, if it is in region (NULL: any): 0 or ERR_NOTFOUND. */
int zone_category_get(struct db *db, struct arena *a, int64_t id,
                      const char *region, struct zone_category *out);
/* Add a category (audited): 0, ERR_INPUT (*why), ERR_CONFLICT. */
int zone_category_add(struct db *db, struct arena *a, const char *region,
                      const char *name, const char *description,
                      const struct audit_entry *who, int64_t *id,
                      const char **why);

struct zone_thread {
    int64_t id, category_id, posts, last_post_id;
    const char *title, *author, *created_at, *last_post_at;
    const char *region, *category;
    bool pinned, locked, unread;
};
/* Threads of a category, pinned first then newest: count or < 0. */
int zone_threads(struct db *db, struct arena *a, int64_t category,
                 int64_t account, int limit, int64_t offset,
                 struct zone_thread **out);
/* Threads of region (NULL: all) with posts account has not seen. */
int zone_unread(struct db *db, struct arena *a, const char *region,
                int64_t account, struct zone_thread **out);
/* Thread id if in region (NULL: any): 0 or ERR_NOTFOUND. */
int zone_thread_get(struct db *db, struct arena *a, int64_t id,
                    const char *region, struct zone_thread *out);

struct zone_file {
    int64_t id, post_id, size;
    const char *filename, *mime;
    const void *data; /* only from zone_file_get */
};
struct zone_post {
    int64_t id, thread_id;
    const char *author, *body, *created_at;
    bool hidden;
    const char *hidden_reason, *hidden_by;
    struct zone_file *files;
    int nfiles;
};
/* Posts of a thread in order; hidden ones only when with_hidden. */
int zone_posts(struct db *db, struct arena *a, int64_t thread, bool with_hidden,
               struct zone_post **out);
/* Record that account has seen the thread up to its newest post. */
int zone_thread_seen(struct db *db, int64_t account, int64_t thread);
/*
** An attachment with its bytes, if its post is in region (NULL: any) and
** visible (or with_hidden): 0 or ERR_NOTFOUND.
*/
int zone_file_get(struct db *db, struct arena *a, int64_t id,
                  const char *region, bool with_hidden, struct zone_file *out);

/* A file to attach: its name as sent and its bytes. */
struct zone_upload {
    const char *filename;
    const char *data;
    size_t len;
};
/*
** The type of an upload by its content, which must agree with its
** extension: "application/pdf", "image/png" or "image/jpeg". NULL with a
** Polish reason in *why for any other content, a lying extension or a
** size over max bytes.
*/
const char *zone_file_type(const struct zone_upload *f, size_t max,
                           const char **why);

/*
** A new thread in category (title and first post, optional file) or a
** reply in thread, audited; a reply queues the e-mail to the thread's
** participants who asked for it, with links under base (the site's
** address). ERR_INPUT (*why: title, text or file),
** ERR_CONFLICT when the thread is locked, ERR_DB. *id is the thread
** (new thread) or the post (reply).
*/
int zone_thread_add(struct db *db, struct arena *a, int64_t category,
                    int64_t author, const char *title, const char *body,
                    const struct zone_upload *file,
                    const struct audit_entry *who, int64_t *id,
                    const char **why);
int zone_reply_add(struct db *db, struct arena *a, int64_t thread,
                   int64_t author, const char *body,
                   const struct zone_upload *file, const char *base,
                   const struct audit_entry *who, int64_t *id,
                   const char **why);

/* The thread and region of post id (any state): 0 or ERR_NOTFOUND. */
int zone_post_where(struct db *db, struct arena *a, int64_t id, int64_t *thread,
                    const char **region, bool *hidden);
/* Report a post (once per account; audited): 0, ERR_INPUT (*why). */
int zone_report_add(struct db *db, struct arena *a, int64_t post,
                    int64_t account, const char *reason,
                    const struct audit_entry *who, const char **why);
struct zone_report {
    int64_t id, post_id, thread_id;
    const char *thread, *reporter, *reason, *created_at, *excerpt;
};
/* Open reports of region (NULL: all), oldest first: count or < 0. */
int zone_reports_open(struct db *db, struct arena *a, const char *region,
                      struct zone_report **out);
/* Hide a post with a reason (audited; its reports closed). */
int zone_post_hide(struct db *db, struct arena *a, int64_t post,
                   const char *reason, const struct audit_entry *who,
                   const char **why);

enum zone_mod { ZONE_LOCK, ZONE_UNLOCK, ZONE_PIN, ZONE_UNPIN, ZONE_MOVE };
/* A moderation of a thread (audited); to: the category of ZONE_MOVE,
** which the caller checked to be in the thread's region. */
int zone_thread_moderate(struct db *db, struct arena *a, int64_t thread,
                         enum zone_mod what, int64_t to,
                         const struct audit_entry *who);

/*
** Threads of region (NULL: all) with one of the newest 500 matching
** visible posts (the first holds the title too) holding every folded word
** of q as a prefix: the first ZONE_SEARCH_WORDS words of at least
** ZONE_SEARCH_MIN letters, each cut to ZONE_SEARCH_PREFIX (the prefix
** indexes of migration 0093). Newest first, at most 50: count or < 0.
** Answers are kept per process while the forum's version (migration 0097)
** stays the same.
*/
#define ZONE_SEARCH_WORDS 8
#define ZONE_SEARCH_MIN 3
#define ZONE_SEARCH_PREFIX 6
int zone_search(struct db *db, struct arena *a, const char *region,
                const char *q, struct zone_thread **out);

/* --- good practices ------------------------------------------------------ */

struct zone_practice {
    int64_t id;
    const char *region, *gmina, *gmina_name, *powiat_name, *area, *topic;
    const char *title, *institutions, *problem, *actions, *results, *contact;
    const char *state, *created_at;
};
/* The areas of practices, as codes and Polish names (NULL-terminated). */
extern const char *const zone_areas[][2];
const char *zone_area_label(const char *code);
/*
** Propose a practice (state proposed; region from its gmina; audited),
** with file (NULL: none) attached. ERR_INPUT with *why naming the field;
** *id the new practice.
*/
int zone_practice_add(struct db *db, struct arena *a,
                      const struct zone_practice *p,
                      const struct zone_upload *file, int64_t proposer,
                      const struct audit_entry *who, int64_t *id,
                      const char **why);
/* The attachments of practice id (no bytes): count or < 0. */
int zone_practice_files(struct db *db, struct arena *a, int64_t id,
                        struct zone_file **out);
/* Attachment id with its bytes (post_id: its practice): 0, ERR_NOTFOUND. */
int zone_practice_file_get(struct db *db, struct arena *a, int64_t id,
                           struct zone_file *out);
struct zone_practice_filter {
    const char *q, *area, *topic, *gmina; /* NULL: any */
    const char *state;                    /* "accepted", "proposed" */
    const char *region;                   /* NULL: any */
};
/* Practices matching f, newest first, at most ZONE_PAGE: count or < 0. */
int zone_practices(struct db *db, struct arena *a,
                   const struct zone_practice_filter *f,
                   struct zone_practice **out);
/* Practice id: 0 or ERR_NOTFOUND. */
int zone_practice_get(struct db *db, struct arena *a, int64_t id,
                      struct zone_practice *out);
/* Accept or reject a proposed practice of region (NULL: any), audited. */
int zone_practice_decide(struct db *db, struct arena *a, int64_t id,
                         const char *region, bool accept,
                         const struct audit_entry *who);
/* --- the library of materials -------------------------------------------- */

struct zone_material {
    int64_t id;
    const char *region, *title, *kind, *audience, *description, *task;
    const char *created_at;
    bool public;
    int64_t version;   /* the newest */
    int64_t downloads; /* of every version */
};
struct zone_version {
    int64_t id, size, version, downloads;
    const char *filename, *mime, *note, *created_at;
};
/* The kinds of materials, as codes and Polish names (NULL-terminated). */
extern const char *const zone_material_kinds[][2];
const char *zone_material_kind_label(const char *code);
/*
** Add a material of region with its first version (file), audited.
** audience: a code of zone_groups or "all"; task: a plan task number
** ("1.6") or "". ERR_INPUT with *why naming the field.
*/
int zone_material_add(struct db *db, struct arena *a,
                      const struct zone_material *m,
                      const struct zone_upload *file, const char *note,
                      const struct audit_entry *who, int64_t *id,
                      const char **why);
/* A new version of material id (audited): ERR_INPUT (*why), ERR_NOTFOUND. */
int zone_material_version_add(struct db *db, struct arena *a, int64_t id,
                              const struct zone_upload *file, const char *note,
                              const struct audit_entry *who, int64_t *version,
                              const char **why);
/* Public materials and, when with_closed, the professionals-only ones of
** region (NULL: all), of kind (NULL: any), holding q folded (NULL: any). */
int zone_materials(struct db *db, struct arena *a, const char *region,
                   bool with_closed, const char *kind, const char *q,
                   struct zone_material **out);
int zone_material_get(struct db *db, struct arena *a, int64_t id,
                      struct zone_material *out);
/* The versions of material id, newest first: count or < 0. */
int zone_material_versions(struct db *db, struct arena *a, int64_t id,
                           struct zone_version **out);
/*
** The file of version (0: the newest) of material id, its download
** counted (in the year of now): 0, ERR_NOTFOUND or ERR_DB.
*/
int zone_material_download(struct db *db, struct arena *a, int64_t id,
                           int64_t version, struct zone_file *out);
/*
** For monitoring's metric "materials": in region over the years from..to,
** measure "items" (materials whose first version came then) or
** "downloads", of plan task (or any when ""). 0 with *n, ERR_INPUT for an
** unknown measure, ERR_DB.
*/
int zone_count_materials(struct db *db, const char *region, const char *measure,
                         const char *task, int from, int to, int64_t *n);

/*
** For the directory's page of gmina (7 digits): a section listing its
** accepted practices with links, nothing when it has none. 0 or < 0.
*/
int zone_html_gmina_practices(struct req *r, const char *gmina);

#endif
