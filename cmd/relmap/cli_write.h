/*
 * cli_write.h - every file relmap writes (-o reports, dumps and diagrams,
 * --write-baseline, split parts, --inject) goes through here: whole or
 * not at all, never over an input, never onto a folder.
 */
#ifndef RELMAP_CLI_WRITE_H
#define RELMAP_CLI_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <relmap/relmap.h>

/* Remembers the files `paths` name (through links: device and inode) as
 * inputs, which no output may replace. Unreadable paths are skipped (the
 * load reports them). */
void cli_protect_inputs(const char *const *paths, size_t n);
/* The same for every file the model was read from (a package's modules). */
void cli_protect_model(const relmap_model *model);

/*
 * Whether `path` can be an output file: not a folder, not an input.
 * Reports why not in one line. Checked before the inputs are read, so
 * that a mistake costs no time, and again when writing.
 */
bool cli_output_allowed(const char *path);

/* Makes the folder `path` and its missing parents (like mkdir -p).
 * Reports a failure in one line. */
bool cli_make_folders(const char *path);

/*
 * Writes `len` bytes to `path` through a temporary file in the same
 * folder, renamed over it once complete: an interrupted or failed run
 * leaves the old file as it was and no temporary file behind. A missing
 * folder is made (and removed again if the write fails); a link is
 * written through, to its target. `mode`: the permissions of a new file
 * (-1: 0666 less the umask) - an existing file keeps its own. Refuses
 * (reported, false) what cli_output_allowed refuses.
 */
bool cli_write_file(const char *path, const char *data, size_t len, int mode);

#endif
