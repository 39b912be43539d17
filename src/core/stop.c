/*
** The stop request: one relaxed atomic flag. Readers poll it now and then,
** so no ordering with other memory is needed.
*/
#include "stop.h"

#include <stdatomic.h>

static atomic_bool stop_flag;

void
stop_request(void)
{
    atomic_store_explicit(&stop_flag, true, memory_order_relaxed);
}

bool
stop_requested(void)
{
    return atomic_load_explicit(&stop_flag, memory_order_relaxed);
}

void
stop_reset(void)
{
    atomic_store_explicit(&stop_flag, false, memory_order_relaxed);
}
