/* SPDX-License-Identifier: GPL-3.0-or-later */
/* licence: what both programs say of their licence after --version, in
 * the GNU coding standards' words. */
#ifndef CK_LICENCE_H
#define CK_LICENCE_H

#define CK_LICENCE                                                                                 \
    "Copyright (C) 2026 Career Kiosk maintainers.\n"                                               \
    "License GPL-3.0-or-later: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"  \
    "This is free software: you are free to change and redistribute it.\n"                        \
    "There is NO WARRANTY, to the extent permitted by law.\n"

#endif
