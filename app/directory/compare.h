/* compare: who an import would add to the directory and take away from
 * it, worked out while its rows are checked (a dry run), so staff see
 * names before they import, not only counts. The directory is only
 * read, on a connection of its own: this can run on a worker thread
 * while the kiosk uses the directory. */
#ifndef CK_COMPARE_H
#define CK_COMPARE_H

#include "core/mentor.h"
#include "directory/import.h"

typedef struct StoreCompare StoreCompare;

/* Starts comparing rows with the directory at live_path. NULL (nothing
 * to compare with) when it is not there or cannot be read. */
StoreCompare *store_compare_begin(const char *live_path);

/* Adds an accepted row. NULL is fine. */
void store_compare_add(StoreCompare *c, const Mentor *m);

/* Fills out with who the rows added so far would add and take away
 * (out NULL: only frees). Frees c; NULL is fine (out is left as it is). */
void store_compare_end(StoreCompare *c, ImportChanges *out);

#endif
