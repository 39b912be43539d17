/*
** Error codes shared by every module. Functions return 0 on success or one
** of these negative values; results travel through out-parameters.
*/
#ifndef CORE_ERR_H
#define CORE_ERR_H

enum {
    ERR_INPUT = -1,    /* user or data error: message for the user */
    ERR_NOTFOUND = -2, /* the record asked for does not exist */
    ERR_DENIED = -3,   /* the caller may not do this */
    ERR_CONFLICT = -4, /* a unique key or a version check failed */
    ERR_DB = -5,       /* the store failed: logged with context */
    ERR_IO = -6,       /* a file or socket failed: logged with context */
    ERR_STOPPED = -7,  /* long work gave up: the process is stopping */
    ERR_LONG = -8,     /* long work asked of a worker: run again on a
                        * long-work thread (req_long_work, http/server.c) */
};

#endif
