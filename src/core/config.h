/*
** The instance's configuration: one table of keys, each with a default, a
** line of documentation, a validator and an optional secret flag. Values
** come from, in rising precedence, the defaults, the file
** (/etc/rodzina/rodzina.conf, INI "key = value"), RODZINA_* environment
** variables and command-line flags. This file knows nothing of HTTP; it
** fills a struct server_config for cmd_serve.
*/
#ifndef CORE_CONFIG_H
#define CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CONFIG_DEFAULT_FILE "/etc/rodzina/rodzina.conf"

enum config_key {
    CONFIG_DB = 0,
    CONFIG_LISTEN,
    CONFIG_THREADS,
    CONFIG_BODY_LIMIT,
    CONFIG_BEHIND_TLS_PROXY,
    CONFIG_TRUSTED_PROXY,
    CONFIG_USER,
    CONFIG_LOG_FILE,
    CONFIG_LOG_LEVEL,
    CONFIG_METRICS_ALLOW,
    CONFIG_METRICS_TOKEN,
    CONFIG_MAX_CONNECTIONS,
    CONFIG_MAX_CONNECTIONS_PER_ADDRESS,
    CONFIG_HEADER_TIMEOUT,
    CONFIG_FORM_LIMIT_PER_ADDRESS,
    CONFIG_FORM_LIMIT_PER_TARGET,
    CONFIG_SITE_URL,
    CONFIG_MAIL_KEEP_DAYS,
    CONFIG_KEY_COUNT
};

struct config_key_info {
    const char *name; /* file key; flag is --name with '-' for '_' */
    const char *def;  /* default value, as text */
    bool is_bool;     /* the flag takes no value and means "yes" */
    bool secret;      /* masked by `rodzina config` */
    const char *doc;  /* one line for the file, --help and the man page */
};

extern const struct config_key_info config_keys[CONFIG_KEY_COUNT];

struct config {
    char *value[CONFIG_KEY_COUNT];  /* effective text values (heap) */
    char *source[CONFIG_KEY_COUNT]; /* "default", "FILE:LINE", "env NAME",
                                    "flag --name" (heap) */
    char *file;                     /* the file read, or NULL (heap) */
    /* Typed values, filled by config_load. */
    unsigned threads;
    size_t body_limit;
    bool behind_tls_proxy;
    int log_level;         /* 0 info, 1 warn, 2 error */
    bool metrics_loopback; /* metrics_allow = loopback */
    unsigned max_connections;
    unsigned max_connections_per_address; /* 0 = no limit */
    unsigned header_timeout;              /* seconds */
    unsigned form_limit_per_address;      /* public forms an hour; 0 = none */
    unsigned form_limit_per_target;       /* the same to one target */
    unsigned mail_keep_days; /* e-mail kept after queued (rodzina purge) */
};

/*
** Build the effective configuration. file: the --config value, or NULL for
** $RODZINA_CONFIG or else CONFIG_DEFAULT_FILE (which may be absent; an
** explicitly named file must exist). flags[k]: the command-line value of
** key k or NULL. On a wrong key or value writes "FILE:LINE: reason" (or
** "environment RODZINA_X: reason", "--flag: reason") to err and returns
** ERR_INPUT; ERR_IO when the file cannot be read. Free with
** config_free() in every case.
*/
int config_load(struct config *c, const char *file,
                const char *const flags[CONFIG_KEY_COUNT], char *err,
                size_t errlen);
void config_free(struct config *c);

/*
** Check one value for key k: NULL when acceptable, else a static English
** reason.
*/
const char *config_check(enum config_key k, const char *value);

/* Print the effective configuration as a valid file, secrets masked. */
void config_print(const struct config *c, FILE *f);

/* Print a commented file with every key, its default and documentation. */
void config_print_template(FILE *f);

#endif
