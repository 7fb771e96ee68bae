/*
 * py_walk.c - the .py files of a package folder: sorted, recursive, past
 * what is not the project's own code (virtual environments, VCS and cache
 * folders, node_modules) and what its .gitignore files exclude.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "relmap/common.h"
#include "py_walk.h"

/* Folders nested deeper than this under the package are refused: a
 * project's own code sits a few levels down. */
#define WALK_MAX_DEPTH 64
/* .gitignore patterns in all the folders of one walk: each is tried on
 * every file, and real projects have a few hundred. */
#define WALK_MAX_RULES 10000

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

/* A pattern's line is at most this long (the buffer load_gitignore reads
 * lines into); longer lines are dropped there. */
#define PATTERN_MAX 4096

/* The length of the pattern item at p: "**\/", "**", a [class] (to the
 * end of the pattern when it is never closed), "\x", or one byte. */
static size_t item_length(const char *p)
{
    if (p[0] == '*' && p[1] == '*')
        return p[2] == '/' ? 3 : 2;
    if (p[0] == '\\' && p[1])
        return 2;
    if (p[0] != '[')
        return 1;
    const char *q = p + 1;
    if (*q == '!' || *q == '^')
        q++;
    const char *first = q;
    while (*q && (*q != ']' || q == first))
        q++;
    return *q ? (size_t)(q - p) + 1 : strlen(p);
}

/* Whether the [class] at p holds byte c; a class never closed holds
 * nothing. */
static bool class_holds(const char *p, char c)
{
    const char *q = p + 1;
    bool neg = *q == '!' || *q == '^', hit = false;
    if (neg)
        q++;
    const char *first = q;
    for (; *q && (*q != ']' || q == first); q++) {
        if (q[1] == '-' && q[2] && q[2] != ']') {
            hit |= c >= q[0] && c <= q[2];
            q += 2;
        } else {
            hit |= *q == c;
        }
    }
    return *q && hit != neg;
}

/* Marks the states reachable from the marked ones without a byte: past a
 * '*' or '**' that matches nothing. States only move forward, so one pass
 * in order does it. */
static void close_states(const char *p, size_t plen, bool *state)
{
    for (size_t i = 0; i < plen; i++)
        if (state[i] && p[i] == '*') /* '*', '**', '**\/' */
            state[i + item_length(p + i)] = true;
}

/*
 * Glob matching with gitignore's '*' (not across '/'), '?', '**', '**\/'
 * and [classes]. The pattern runs as an automaton over its own positions,
 * every position at once, so a pattern of many '*' costs its length times
 * the name's, never an exponential backtrack (a*a*a*a*...b).
 */
static bool glob(const char *p, const char *s)
{
    size_t plen = strlen(p);
    if (plen >= PATTERN_MAX)
        return false;
    bool a[PATTERN_MAX + 1], b[PATTERN_MAX + 1];
    bool *cur = a, *next = b;
    memset(cur, 0, plen + 1);
    cur[0] = true;
    close_states(p, plen, cur);
    for (; *s; s++) {
        memset(next, 0, plen + 1);
        bool any = false;
        for (size_t i = 0; i < plen; i++) {
            if (!cur[i])
                continue;
            size_t len = item_length(p + i);
            bool stay = false, step = false;
            if (p[i] == '*' && len == 1)
                stay = *s != '/';
            else if (p[i] == '*') {
                stay = true; /* '**' and '**\/' take any byte, '/' too */
                step = len == 3 && *s == '/';
            } else if (p[i] == '?')
                step = *s != '/';
            else if (p[i] == '[')
                step = class_holds(p + i, *s);
            else if (p[i] == '\\' && len == 2)
                step = p[i + 1] == *s;
            else
                step = p[i] == *s;
            next[i] |= stay;
            next[i + len] |= step;
            any |= stay || step;
        }
        if (!any)
            return false;
        close_states(p, plen, next);
        bool *t = cur;
        cur = next;
        next = t;
    }
    return cur[plen];
}

/*
 * The patterns of dir/.gitignore, added to the walker's. Only a regular
 * file is read (opened without blocking: a FIFO or a link to a device
 * there must not hang the walk); a line too long for the buffer is
 * dropped whole, and more than WALK_MAX_RULES patterns in all is an error.
 */
static int load_gitignore(walker *w, const char *dir, const char *rel)
{
    char *path = rm_malloc(strlen(dir) + 12);
    strcpy(path, dir);
    strcat(path, "/.gitignore");
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    FILE *f = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        free(path);
        return 0;
    }
    int rc = 0;
    char line[PATTERN_MAX];
    bool rest_of_long_line = false;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        bool whole = n > 0 && line[n - 1] == '\n';
        if (rest_of_long_line || (!whole && !feof(f))) {
            rest_of_long_line = !whole;
            continue;
        }
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
        if (w->nrules == WALK_MAX_RULES) {
            rc = rm_error(RELMAP_ELIMIT, "%s: more than %d .gitignore patterns in the folders read",
                          path, WALK_MAX_RULES);
            break;
        }
        r.pattern = rm_strdup(p);
        if (w->nrules == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 16;
            w->rules = rm_realloc(w->rules, w->cap * sizeof *w->rules);
        }
        w->rules[w->nrules++] = r;
    }
    fclose(f);
    free(path);
    return rc;
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
        return rm_error(RELMAP_ELIMIT, "%s: folders nested more than %d levels deep in the package",
                        dir, WALK_MAX_DEPTH);
    DIR *d = opendir(dir);
    if (!d)
        return depth == 0 ? rm_error(RELMAP_EIO, "%s: cannot open: %s", dir, strerror(errno)) : 0;
    size_t saved_rules = w->nrules;
    int rc = load_gitignore(w, dir, rel);
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
