/*
 * replay.c - a main() for a fuzz target in the normal build: feeds each
 * file named on the command line, or each file in each folder named, to
 * LLVMFuzzerTestOneInput once. ctest runs it over the regression inputs
 * (testdata/fuzz/<target>/) and the seeds (fuzz/seeds/<target>/), so
 * every crash ever found is replayed by the plain and the sanitizer suite
 * without clang or libFuzzer.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static void *grow(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p)
        abort();
    return p;
}

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 4096, len = 0;
    unsigned char *data = grow(NULL, cap);
    size_t n;
    while ((n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            data = grow(data, cap *= 2);
    }
    int failed = ferror(f);
    fclose(f);
    if (!failed) {
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
        LLVMFuzzerTestOneInput(data, len);
    } else {
        fprintf(stderr, "replay: cannot read %s\n", path);
    }
    free(data);
    return failed;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in `dir`, in name order (the same order on every run). */
static int replay_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: cannot open the folder %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = grow(names, (nnames + 1) * sizeof *names);
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[nnames] = grow(NULL, len);
        snprintf(names[nnames++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, nnames, sizeof *names, by_name);
    int failed = 0;
    for (size_t i = 0; i < nnames; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= replay_file(names[i]);
            ++*count;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 2;
    }
    int failed = 0;
    size_t count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            failed |= replay_dir(argv[i], &count);
        } else {
            failed |= replay_file(argv[i]);
            count++;
        }
    }
    fprintf(stderr, "replay: %zu inputs\n", count);
    return failed || count == 0;
}
