/* service: telling systemd how the kiosk is doing (sd_notify, through
 * libsystemd; service.c is its only includer). READY once the first
 * screen can show, a watchdog ping from the main loop, STOPPING on the
 * way out. Outside systemd (no $NOTIFY_SOCKET) every call does nothing.
 *
 * Under cage the kiosk is the compositor's child, so $WATCHDOG_PID names
 * cage; the kiosk still pings, for the whole service (the unit sets
 * NotifyAccess=all). A hung main loop stops the pings and systemd
 * restarts the service. */
#ifndef CK_SERVICE_H
#define CK_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

/* Says the kiosk is up, with a status line for `systemctl status`. */
void service_ready(const char *status);

/* Milliseconds between watchdog pings (a third of WatchdogSec=), or 0
 * when no watchdog is asked for. */
int service_ping_every_ms(void);

/* Pings the watchdog if at least service_ping_every_ms() has passed
 * since the last ping (now_ms on any steady clock). */
void service_alive(uint64_t now_ms);

/* Says the kiosk is stopping on purpose. */
void service_stopping(void);

#endif
