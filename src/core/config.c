/*
** Configuration of an instance (see config.h): the key table, the INI
** reader, the environment and flag layers, validation and the printer of
** the effective configuration. A value is checked where it is read, so the
** message can name the file and line, the variable or the flag.
*/
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"

const struct config_key_info config_keys[CONFIG_KEY_COUNT] = {
    [CONFIG_DB] = {"db", "rodzina.db", false, false,
                   "database: a SQLite file (relative paths start in the "
                   "working folder) or a postgresql:// URI"},
    [CONFIG_LISTEN] = {"listen", "127.0.0.1:8080", false, false,
                       "IPv4 address and port to listen on; port 0 picks a "
                       "free one"},
    [CONFIG_THREADS] = {"threads", "0", false, false,
                        "worker threads, 0..256; 0 = one per CPU"},
    [CONFIG_BODY_LIMIT] = {"body_limit", "25M", false, false,
                           "largest request body accepted (bytes, or with a "
                           "K, M or G suffix), 1K..1G"},
    [CONFIG_BEHIND_TLS_PROXY] = {"behind_tls_proxy", "no", true, false,
                                 "yes when TLS ends at a reverse proxy: "
                                 "cookies get Secure"},
    [CONFIG_TRUSTED_PROXY] =
        {"trusted_proxy", "127.0.0.1", false, false,
         "with behind_tls_proxy: the proxy's IPv4 address; "
         "only its X-Forwarded-For names the client"},
    [CONFIG_USER] = {"user", "", false, false,
                     "account to switch to after binding when started as "
                     "root; empty = do not switch"},
    [CONFIG_LOG_FILE] = {"log_file", "", false, false,
                         "append logs to this file (reopened on SIGHUP); "
                         "empty = standard error"},
    [CONFIG_LOG_LEVEL] = {"log_level", "info", false, false,
                          "info (everything, with the access log), warn or "
                          "error"},
    [CONFIG_METRICS_ALLOW] = {"metrics_allow", "loopback", false, false,
                              "who may read /metrics besides administrators "
                              "and the token: loopback or admin"},
    [CONFIG_METRICS_TOKEN] = {"metrics_token", "", false, true,
                              "bearer token for /metrics (at least 16 "
                              "characters); empty = none"},
    [CONFIG_MAX_CONNECTIONS] = {"max_connections", "1000", false, false,
                                "connections open at once, 16..100000 (kept "
                                "below the file descriptor limit)"},
    [CONFIG_MAX_CONNECTIONS_PER_ADDRESS] =
        {"max_connections_per_address", "64", false, false,
         "connections open at once from one client address, 0..100000; "
         "0 = no limit (behind a reverse proxy every client has its "
         "address: set 0 or above max_connections)"},
    [CONFIG_HEADER_TIMEOUT] = {"header_timeout", "20", false, false,
                               "seconds a request line and its headers may "
                               "take to arrive, 2..600; an idle keep-alive "
                               "connection is closed after as long"},
    [CONFIG_FORM_LIMIT_PER_ADDRESS] =
        {"form_limit_per_address", "100", false, false,
         "public forms (sign-ups, registrations) accepted from one client "
         "address in an hour, over all forms, 0..100000; 0 = no limit"},
    [CONFIG_FORM_LIMIT_PER_TARGET] =
        {"form_limit_per_target", "30", false, false,
         "the same to one form's target (one training, the registration "
         "of organisations ...), 0..100000; 0 = no limit"},
    [CONFIG_SITE_URL] =
        {"site_url", "", false, false,
         "public address of the site, http(s)://HOST[:PORT] without a path "
         "(e.g. https://rodzina.example.pl): every link in e-mail and feeds "
         "starts with it. Empty: feeds take the request's Host, and e-mail "
         "is queued only from requests whose Host is the listen address "
         "(127.0.0.1 or localhost with its port when listening on loopback "
         "or 0.0.0.0); any other Host is refused with 421"},
    [CONFIG_MAIL_KEEP_DAYS] =
        {"mail_keep_days", "30", false, false,
         "days an e-mail message is kept after it was queued, sent or not, "
         "1..3650: its text holds names, addresses and links, kept to "
         "deliver it and to answer for it; rodzina purge deletes older "
         "ones"},
};

static bool
parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    size_t i;

    for (i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(v, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

static bool
parse_size(const char *v, size_t *out)
{
    char *end;
    unsigned long long n;
    unsigned long long mul = 1;

    if (!isdigit((unsigned char)*v)) {
        return false;
    }
    errno = 0;
    n = strtoull(v, &end, 10);
    if (errno != 0) {
        return false;
    }
    if (*end == 'K' || *end == 'k') {
        mul = 1024ULL;
        end++;
    } else if (*end == 'M' || *end == 'm') {
        mul = 1024ULL * 1024;
        end++;
    } else if (*end == 'G' || *end == 'g') {
        mul = 1024ULL * 1024 * 1024;
        end++;
    }
    if (*end != '\0' || n > (1ULL << 40) / mul) {
        return false;
    }
    *out = (size_t)(n * mul);
    return true;
}

static bool
valid_listen(const char *v)
{
    const char *colon = strrchr(v, ':');
    char host[64];
    struct in_addr ia;
    char *end;
    long port;

    if (colon == NULL || colon == v || (size_t)(colon - v) >= sizeof(host)) {
        return false;
    }
    memcpy(host, v, (size_t)(colon - v));
    host[colon - v] = '\0';
    port = strtol(colon + 1, &end, 10);
    return *end == '\0' && end != colon + 1 && port >= 0 && port <= 65535 &&
           inet_pton(AF_INET, host, &ia) == 1;
}

/* Digits only, their number in [lo, hi]. */
static bool
whole_in(const char *v, long lo, long hi)
{
    char *end;
    long t = strtol(v, &end, 10);

    return isdigit((unsigned char)*v) && *end == '\0' && t >= lo && t <= hi;
}

/* http:// or https://, a host name, IPv4 or [IPv6] address, an optional
 * :port, nothing after: the form links are written in. */
static bool
valid_site_url(const char *v)
{
    const char *h = strncmp(v, "https://", 8) == 0  ? v + 8
                    : strncmp(v, "http://", 7) == 0 ? v + 7
                                                    : NULL;
    size_t n = h != NULL ? strlen(h) : 0;
    const char *colon;
    char *end;

    if (n == 0 || n > 200) {
        return false;
    }
    if (h[0] == '[') {
        const char *close = strchr(h, ']');

        if (close == NULL || close == h + 1 ||
            strspn(h + 1, "0123456789abcdefABCDEF:.") !=
                (size_t)(close - h - 1)) {
            return false;
        }
        colon = close[1] == ':' ? close + 1 : NULL;
        if (colon == NULL && close[1] != '\0') {
            return false;
        }
    } else {
        size_t host = strspn(h, "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

        if (host == 0 || h[0] == '.' || h[0] == '-' ||
            (h[host] != '\0' && h[host] != ':')) {
            return false;
        }
        colon = h[host] == ':' ? h + host : NULL;
    }
    if (colon != NULL) {
        long port = strtol(colon + 1, &end, 10);

        return isdigit((unsigned char)colon[1]) && *end == '\0' && port >= 1 &&
               port <= 65535;
    }
    return true;
}

const char *
config_check(enum config_key k, const char *v)
{
    size_t n;
    bool b;

    switch (k) {
    case CONFIG_DB:
        return *v == '\0' ? "must not be empty" : NULL;
    case CONFIG_LISTEN:
        return valid_listen(v) ? NULL
                               : "bad listen address: must be IPv4:PORT, "
                                 "e.g. 127.0.0.1:8080";
    case CONFIG_THREADS: {
        char *end;
        long t = strtol(v, &end, 10);

        return *v != '\0' && *end == '\0' && t >= 0 && t <= 256
                   ? NULL
                   : "must be a whole number 0..256";
    }
    case CONFIG_BODY_LIMIT:
        return parse_size(v, &n) && n >= 1024 && n <= (1u << 30)
                   ? NULL
                   : "must be a size 1K..1G (e.g. 25M)";
    case CONFIG_BEHIND_TLS_PROXY:
        return parse_bool(v, &b) ? NULL : "must be yes or no";
    case CONFIG_TRUSTED_PROXY: {
        struct in_addr ia;

        return inet_pton(AF_INET, v, &ia) == 1 ? NULL
                                               : "must be an IPv4 address";
    }
    case CONFIG_USER:
        if (*v != '\0' && getpwnam(v) == NULL) {
            return "no such user on this system";
        }
        return NULL;
    case CONFIG_LOG_FILE:
        return NULL;
    case CONFIG_LOG_LEVEL:
        return strcmp(v, "info") == 0 || strcmp(v, "warn") == 0 ||
                       strcmp(v, "error") == 0
                   ? NULL
                   : "must be info, warn or error";
    case CONFIG_METRICS_ALLOW:
        return strcmp(v, "loopback") == 0 || strcmp(v, "admin") == 0
                   ? NULL
                   : "must be loopback or admin";
    case CONFIG_METRICS_TOKEN:
        return *v == '\0' || strlen(v) >= 16
                   ? NULL
                   : "must be empty or at least 16 characters";
    case CONFIG_MAX_CONNECTIONS:
        return whole_in(v, 16, 100000) ? NULL
                                       : "must be a whole number 16..100000";
    case CONFIG_MAX_CONNECTIONS_PER_ADDRESS:
    case CONFIG_FORM_LIMIT_PER_ADDRESS:
    case CONFIG_FORM_LIMIT_PER_TARGET:
        return whole_in(v, 0, 100000) ? NULL
                                      : "must be a whole number 0..100000";
    case CONFIG_HEADER_TIMEOUT:
        return whole_in(v, 2, 600) ? NULL
                                   : "must be a whole number of seconds 2..600";
    case CONFIG_SITE_URL:
        return *v == '\0' || valid_site_url(v)
                   ? NULL
                   : "must be empty or http(s)://HOST[:PORT] without a path, "
                     "e.g. https://rodzina.example.pl";
    case CONFIG_MAIL_KEEP_DAYS:
        return whole_in(v, 1, 3650) ? NULL
                                    : "must be a whole number of days 1..3650";
    case CONFIG_KEY_COUNT:
        break;
    }
    return "unknown key";
}

static int
find_key(const char *name)
{
    int k;

    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        if (strcmp(config_keys[k].name, name) == 0) {
            return k;
        }
    }
    return -1;
}

static void
set(struct config *c, int k, const char *value, char *source)
{
    free(c->value[k]);
    free(c->source[k]);
    c->value[k] = xstrdup(value);
    c->source[k] = source;
}

static char *
strip(char *s)
{
    char *e;

    while (isspace((unsigned char)*s)) {
        s++;
    }
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) {
        *--e = '\0';
    }
    return s;
}

/* The INI layer: "key = value", '#' or ';' comments, [rodzina] section. */
static int
read_file(struct config *c, const char *path, bool must_exist, char *err,
          size_t errlen)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int lineno = 0;

    if (f == NULL) {
        if (!must_exist && errno == ENOENT) {
            return 0;
        }
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return ERR_IO;
    }
    c->file = xstrdup(path);
    while (fgets(line, sizeof(line), f) != NULL) {
        char *s = strip(line), *eq, *key, *val, src[300];
        const char *why;
        int k;

        lineno++;
        if (*s == '\0' || *s == '#' || *s == ';') {
            continue;
        }
        if (*s == '[') {
            if (strcmp(s, "[rodzina]") != 0) {
                snprintf(err, errlen,
                         "%s:%d: unknown section %.64s "
                         "(only [rodzina])",
                         path, lineno, s);
                fclose(f);
                return ERR_INPUT;
            }
            continue;
        }
        eq = strchr(s, '=');
        if (eq == NULL) {
            snprintf(err, errlen, "%s:%d: expected key = value", path, lineno);
            fclose(f);
            return ERR_INPUT;
        }
        *eq = '\0';
        key = strip(s);
        val = strip(eq + 1);
        if (strlen(val) >= 2 && val[0] == '"' && val[strlen(val) - 1] == '"') {
            val[strlen(val) - 1] = '\0';
            val++;
        }
        k = find_key(key);
        if (k < 0) {
            snprintf(err, errlen, "%s:%d: unknown key '%.64s'", path, lineno,
                     key);
            fclose(f);
            return ERR_INPUT;
        }
        why = config_check((enum config_key)k, val);
        if (why != NULL) {
            snprintf(err, errlen, "%s:%d: %s = '%.128s': %s", path, lineno, key,
                     val, why);
            fclose(f);
            return ERR_INPUT;
        }
        snprintf(src, sizeof(src), "%s:%d", path, lineno);
        set(c, k, val, xstrdup(src));
    }
    fclose(f);
    return 0;
}

static void
env_name(int k, char *out, size_t n)
{
    size_t i = 0, j;

    snprintf(out, n, "RODZINA_");
    i = strlen(out);
    for (j = 0; config_keys[k].name[j] != '\0' && i + 1 < n; j++) {
        out[i++] = (char)toupper((unsigned char)config_keys[k].name[j]);
    }
    out[i] = '\0';
}

static void
flag_name(int k, char *out, size_t n)
{
    size_t i;

    snprintf(out, n, "--%s", config_keys[k].name);
    for (i = 2; out[i] != '\0'; i++) {
        if (out[i] == '_') {
            out[i] = '-';
        }
    }
}

int
config_load(struct config *c, const char *file,
            const char *const flags[CONFIG_KEY_COUNT], char *err, size_t errlen)
{
    const char *env_file = getenv("RODZINA_CONFIG");
    bool must_exist = file != NULL;
    size_t size;
    int k, rc;

    memset(c, 0, sizeof(*c));
    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        set(c, k, config_keys[k].def, xstrdup("default"));
    }
    if (file == NULL && env_file != NULL && *env_file != '\0') {
        file = env_file;
        must_exist = true;
    }
    if (file == NULL) {
        file = CONFIG_DEFAULT_FILE;
    }
    if (*file != '\0' &&
        (rc = read_file(c, file, must_exist, err, errlen)) != 0) {
        return rc;
    }
    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        char name[64], src[80];
        const char *v, *why;

        env_name(k, name, sizeof(name));
        v = getenv(name);
        if (v == NULL) {
            continue;
        }
        why = config_check((enum config_key)k, v);
        if (why != NULL) {
            snprintf(err, errlen, "environment %s = '%.128s': %s", name, v,
                     why);
            return ERR_INPUT;
        }
        snprintf(src, sizeof(src), "env %s", name);
        set(c, k, v, xstrdup(src));
    }
    for (k = 0; flags != NULL && k < CONFIG_KEY_COUNT; k++) {
        char name[64], src[80];
        const char *why;

        if (flags[k] == NULL) {
            continue;
        }
        flag_name(k, name, sizeof(name));
        why = config_check((enum config_key)k, flags[k]);
        if (why != NULL) {
            snprintf(err, errlen, "%s '%.128s': %s", name, flags[k], why);
            return ERR_INPUT;
        }
        snprintf(src, sizeof(src), "flag %s", name);
        set(c, k, flags[k], xstrdup(src));
    }
    c->threads = (unsigned)strtoul(c->value[CONFIG_THREADS], NULL, 10);
    parse_size(c->value[CONFIG_BODY_LIMIT], &size);
    c->body_limit = size;
    parse_bool(c->value[CONFIG_BEHIND_TLS_PROXY], &c->behind_tls_proxy);
    c->log_level = strcmp(c->value[CONFIG_LOG_LEVEL], "error") == 0  ? 2
                   : strcmp(c->value[CONFIG_LOG_LEVEL], "warn") == 0 ? 1
                                                                     : 0;
    c->metrics_loopback =
        strcmp(c->value[CONFIG_METRICS_ALLOW], "loopback") == 0;
    c->max_connections =
        (unsigned)strtoul(c->value[CONFIG_MAX_CONNECTIONS], NULL, 10);
    c->max_connections_per_address = (unsigned)strtoul(
        c->value[CONFIG_MAX_CONNECTIONS_PER_ADDRESS], NULL, 10);
    c->header_timeout =
        (unsigned)strtoul(c->value[CONFIG_HEADER_TIMEOUT], NULL, 10);
    c->form_limit_per_address =
        (unsigned)strtoul(c->value[CONFIG_FORM_LIMIT_PER_ADDRESS], NULL, 10);
    c->form_limit_per_target =
        (unsigned)strtoul(c->value[CONFIG_FORM_LIMIT_PER_TARGET], NULL, 10);
    c->mail_keep_days =
        (unsigned)strtoul(c->value[CONFIG_MAIL_KEEP_DAYS], NULL, 10);
    return 0;
}

void
config_free(struct config *c)
{
    int k;

    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        free(c->value[k]);
        free(c->source[k]);
    }
    free(c->file);
    memset(c, 0, sizeof(*c));
}

void
config_print(const struct config *c, FILE *f)
{
    char safe[512];
    int k;

    fprintf(f, "# Effective configuration of rodzina; file: %s\n",
            c->file ? c->file : "(none)");
    fprintf(f, "[rodzina]\n");
    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        const char *v = c->value[k];

        if (config_keys[k].secret && *v != '\0') {
            v = "********";
        } else if (k == CONFIG_DB) {
            v = str_safe_uri(v, safe, sizeof(safe));
        }
        fprintf(f, "# from %s\n%s = %s\n", c->source[k], config_keys[k].name,
                v);
    }
}

void
config_print_template(FILE *f)
{
    int k;

    fprintf(f, "# /etc/rodzina/rodzina.conf: configuration of rodzina "
               "serve, backup,\n# restore, check-db and purge. Every key is "
               "shown "
               "with its default; a flag\n# (--key-name) or an environment "
               "variable (RODZINA_KEY_NAME) overrides\n# the file. A wrong "
               "key or value stops the start with its line.\n[rodzina]\n");
    for (k = 0; k < CONFIG_KEY_COUNT; k++) {
        char env[64];

        env_name(k, env, sizeof(env));
        fprintf(f, "\n# %s (%s)\n#%s = %s\n", config_keys[k].doc, env,
                config_keys[k].name, config_keys[k].def);
    }
}
