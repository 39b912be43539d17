/*
** The instance's configuration: one table of keys, each with a default, a
** line of documentation, a validator and an optional secret flag. Values
** come from, in rising precedence, the defaults, the file
** (/etc/rodzina/rodzina.conf, INI "key = value"), RODZINA_* environment
** variables and command-line flags. This file knows nothing of HTTP; it
** fills a struct server_config for cmd_serve.
*/
#ifndef OPS_CONFIG_H
#define OPS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OPS_CONFIG_DEFAULT_FILE "/etc/rodzina/rodzina.conf"

enum ops_key {
    OPS_DB = 0,
    OPS_LISTEN,
    OPS_THREADS,
    OPS_BODY_LIMIT,
    OPS_BEHIND_TLS_PROXY,
    OPS_TRUSTED_PROXY,
    OPS_USER,
    OPS_LOG_FILE,
    OPS_LOG_LEVEL,
    OPS_METRICS_ALLOW,
    OPS_METRICS_TOKEN,
    OPS_MAX_CONNECTIONS,
    OPS_MAX_CONNECTIONS_PER_ADDRESS,
    OPS_HEADER_TIMEOUT,
    OPS_KEY_COUNT
};

struct ops_key_info {
    const char *name; /* file key; flag is --name with '-' for '_' */
    const char *def;  /* default value, as text */
    bool is_bool;     /* the flag takes no value and means "yes" */
    bool secret;      /* masked by `rodzina config` */
    const char *doc;  /* one line for the file, --help and the man page */
};

extern const struct ops_key_info ops_keys[OPS_KEY_COUNT];

struct ops_config {
    char *value[OPS_KEY_COUNT];  /* effective text values (heap) */
    char *source[OPS_KEY_COUNT]; /* "default", "FILE:LINE", "env NAME",
                                    "flag --name" (heap) */
    char *file;                  /* the file read, or NULL (heap) */
    /* Typed values, filled by ops_config_load. */
    unsigned threads;
    size_t body_limit;
    bool behind_tls_proxy;
    int log_level;         /* 0 info, 1 warn, 2 error */
    bool metrics_loopback; /* metrics_allow = loopback */
    unsigned max_connections;
    unsigned max_connections_per_address; /* 0 = no limit */
    unsigned header_timeout;              /* seconds */
};

/*
** Build the effective configuration. file: the --config value, or NULL for
** $RODZINA_CONFIG or else OPS_CONFIG_DEFAULT_FILE (which may be absent; an
** explicitly named file must exist). flags[k]: the command-line value of
** key k or NULL. On a wrong key or value writes "FILE:LINE: reason" (or
** "environment RODZINA_X: reason", "--flag: reason") to err and returns
** ERR_INPUT; ERR_IO when the file cannot be read. Free with
** ops_config_free() in every case.
*/
int ops_config_load(struct ops_config *c, const char *file,
                    const char *const flags[OPS_KEY_COUNT], char *err,
                    size_t errlen);
void ops_config_free(struct ops_config *c);

/*
** Check one value for key k: NULL when acceptable, else a static English
** reason.
*/
const char *ops_config_check(enum ops_key k, const char *value);

/* Print the effective configuration as a valid file, secrets masked. */
void ops_config_print(const struct ops_config *c, FILE *f);

/* Print a commented file with every key, its default and documentation. */
void ops_config_print_template(FILE *f);

#endif
