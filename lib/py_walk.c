/*
 * py_walk.c - the .py files of a package folder: sorted, recursive, past
 * what is not the project's own code (virtual environments, VCS and cache
 * folders, node_modules) and what its .gitignore files exclude.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "relmap/common.h"
#include "py_walk.h"

#define WALK_MAX_DEPTH 64

typedef struct ignore_rule {
    const char *base; /* folder of the .gitignore, relative ("" for the root) */
    char *pattern;
    bool negate, dir_only, anchored;
} ignore_rule;

typedef struct walker {
    ignore_rule *rules;
    size_t nrules, cap;
    py_file *files;
    size_t nfiles, fcap;
} walker;

/* Glob matching with gitignore's '*', '?', '**' and [classes]. */
static bool glob(const char *p, const char *s)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/')
                p++;
            for (const char *t = s;; t++) {
                if (glob(p, t))
                    return true;
                if (!*t)
                    return false;
            }
        }
        if (*p == '*') {
            p++;
            for (const char *t = s;; t++) {
                if (glob(p, t))
                    return true;
                if (!*t || *t == '/')
                    return false;
            }
        }
        if (!*s)
            return false;
        if (*p == '?') {
            if (*s == '/')
                return false;
        } else if (*p == '[') {
            const char *q = p + 1;
            bool neg = *q == '!' || *q == '^', hit = false;
            if (neg)
                q++;
            for (; *q && (*q != ']' || q == p + 1 + neg); q++)
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    hit |= *s >= q[0] && *s <= q[2];
                    q += 2;
                } else {
                    hit |= *q == *s;
                }
            if (!*q || hit == neg)
                return false;
            p = q;
        } else if (*p == '\\' && p[1]) {
            p++;
            if (*p != *s)
                return false;
        } else if (*p != *s) {
            return false;
        }
        p++;
        s++;
    }
    return !*s;
}

static void load_gitignore(walker *w, const char *dir, const char *rel)
{
    char *path = rm_malloc(strlen(dir) + 12);
    strcpy(path, dir);
    strcat(path, "/.gitignore");
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        while (n > 0 && line[n - 1] == ' ' && (n < 2 || line[n - 2] != '\\'))
            line[--n] = '\0';
        char *p = line;
        if (!*p || *p == '#')
            continue;
        ignore_rule r = {rel, NULL, false, false, false};
        if (*p == '!') {
            r.negate = true;
            p++;
        } else if (*p == '\\') {
            p++;
        }
        n = strlen(p);
        if (n > 0 && p[n - 1] == '/') {
            r.dir_only = true;
            p[--n] = '\0';
        }
        if (*p == '/') {
            r.anchored = true;
            p++;
        } else if (strchr(p, '/')) {
            r.anchored = true;
        }
        if (!*p)
            continue;
        r.pattern = rm_strdup(p);
        if (w->nrules == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 16;
            w->rules = rm_realloc(w->rules, w->cap * sizeof *w->rules);
        }
        w->rules[w->nrules++] = r;
    }
    fclose(f);
}

/* Whether `rel` (relative to the root; `name` its last part) is ignored. */
static bool ignored(const walker *w, const char *rel, const char *name, bool is_dir)
{
    bool out = false;
    for (size_t i = 0; i < w->nrules; i++) {
        const ignore_rule *r = &w->rules[i];
        if (r->dir_only && !is_dir)
            continue;
        size_t blen = strlen(r->base);
        if (blen && (strncmp(rel, r->base, blen) != 0 || rel[blen] != '/'))
            continue;
        const char *sub = blen ? rel + blen + 1 : rel;
        bool hit = r->anchored ? glob(r->pattern, sub) : glob(r->pattern, name);
        if (hit)
            out = !r->negate;
    }
    return out;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_skipped_dir(const char *dir, const char *name)
{
    static const char *const skip[] = {"venv", "node_modules", "__pycache__", "site-packages"};
    if (name[0] == '.')
        return true; /* .git, .venv, .tox, hidden folders */
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strcmp(name, skip[i]) == 0)
            return true;
    /* Any folder holding a virtual environment (env/, .env311/ ...). */
    char *cfg = rm_malloc(strlen(dir) + strlen(name) + 13);
    strcpy(cfg, dir);
    strcat(cfg, "/");
    strcat(cfg, name);
    strcat(cfg, "/pyvenv.cfg");
    bool venv = access(cfg, F_OK) == 0;
    free(cfg);
    return venv;
}

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = rm_malloc(la + lb + 2);
    memcpy(out, a, la);
    size_t k = la;
    if (la && a[la - 1] != '/')
        out[k++] = '/';
    memcpy(out + k, b, lb + 1);
    return out;
}

static int walk(walker *w, const char *dir, const char *rel, int depth)
{
    if (depth > WALK_MAX_DEPTH)
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return depth == 0 ? rm_error(RELMAP_EIO, "%s: cannot open: %s", dir, strerror(errno)) : 0;
    size_t saved_rules = w->nrules;
    load_gitignore(w, dir, rel);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            names = rm_realloc(names, cap * sizeof *names);
        }
        names[n++] = rm_strdup(ent->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = names[i];
        char *full = join(dir, name);
        char *sub = *rel ? join(rel, name) : rm_strdup(name);
        struct stat st;
        bool link = lstat(full, &st) == 0 && S_ISLNK(st.st_mode);
        if (rc == 0 && stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                /* Linked folders are not followed: they can loop. */
                if (!link && !is_skipped_dir(dir, name) && !ignored(w, sub, name, true))
                    rc = walk(w, full, sub, depth + 1);
            } else if (S_ISREG(st.st_mode)) {
                size_t len = strlen(name);
                if (len > 3 && strcmp(name + len - 3, ".py") == 0 && name[0] != '.' &&
                    !ignored(w, sub, name, false)) {
                    if (w->nfiles == w->fcap) {
                        w->fcap = w->fcap ? 2 * w->fcap : 32;
                        w->files = rm_realloc(w->files, w->fcap * sizeof *w->files);
                    }
                    w->files[w->nfiles].path = full;
                    w->files[w->nfiles].rel = sub;
                    w->nfiles++;
                    full = sub = NULL;
                }
            }
        }
        free(full);
        free(sub);
        free(names[i]);
    }
    free(names);
    for (size_t i = saved_rules; i < w->nrules; i++)
        free(w->rules[i].pattern);
    w->nrules = saved_rules;
    return rc;
}

int py_walk(const char *root, py_file **files, size_t *nfiles)
{
    walker w;
    memset(&w, 0, sizeof w);
    /* "." lists "models.py", not "./models.py". */
    const char *dir = root;
    int rc = walk(&w, dir, "", 0);
    for (size_t i = 0; i < w.nrules; i++)
        free(w.rules[i].pattern);
    free(w.rules);
    if (rc < 0) {
        py_files_free(w.files, w.nfiles);
        return rc;
    }
    *files = w.files;
    *nfiles = w.nfiles;
    return 0;
}

void py_files_free(py_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(files[i].path);
        free(files[i].rel);
    }
    free(files);
}
