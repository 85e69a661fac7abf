/* service: sd_notify through libsystemd. See service.h. */
#include "service.h"

#include <stdio.h>
#include <stdlib.h>
#include <systemd/sd-daemon.h>

static uint64_t last_ping;
static bool pinged;

void service_ready(const char *status)
{
    sd_notifyf(0, "READY=1\nSTATUS=%s", status);
}

int service_ping_every_ms(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) {
        /* as cage's child: $WATCHDOG_PID is cage's, the interval is ours */
        const char *s = getenv("WATCHDOG_USEC");
        char *end;
        unsigned long long v = s ? strtoull(s, &end, 10) : 0;
        usec = s && *s && !*end ? v : 0;
    }
    if (usec == 0 || !getenv("NOTIFY_SOCKET"))
        return 0;
    uint64_t ms = usec / 3000;
    return ms < 1 ? 1 : ms > 600000 ? 600000 : (int)ms;
}

void service_alive(uint64_t now_ms)
{
    int every = service_ping_every_ms();
    if (every == 0 || (pinged && now_ms - last_ping < (uint64_t)every))
        return;
    sd_notify(0, "WATCHDOG=1");
    last_ping = now_ms;
    pinged = true;
}

void service_stopping(void)
{
    sd_notify(0, "STOPPING=1");
}
