/*
 * cli.c - option parsing, usage errors and output shared by the
 * subcommands (see cli.h).
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_write.h"

void cli_parser_init(cli_parser *p, int argc, char **argv, const cli_option *options,
                     size_t noptions)
{
    memset(p, 0, sizeof *p);
    p->argc = argc;
    p->argv = argv;
    p->index = 1;
    p->command = argv[0];
    p->options = options;
    p->noptions = noptions;
}

static const cli_option *find_long(const cli_parser *p, const char *name, size_t len)
{
    for (size_t i = 0; i < p->noptions; i++)
        if (strlen(p->options[i].long_name) == len &&
            strncmp(p->options[i].long_name, name, len) == 0)
            return &p->options[i];
    return NULL;
}

static const cli_option *find_short(const cli_parser *p, char c)
{
    for (size_t i = 0; i < p->noptions; i++)
        if (p->options[i].short_name == c)
            return &p->options[i];
    return NULL;
}

int cli_next(cli_parser *p, const char **value)
{
    *value = NULL;
    if (p->index >= p->argc)
        return CLI_END;
    const char *arg = p->argv[p->index++];
    /* "-" alone is an operand (conventionally standard input). */
    if (p->operands_only || arg[0] != '-' || arg[1] == '\0') {
        *value = arg;
        return CLI_OPERAND;
    }
    if (strcmp(arg, "--") == 0) {
        p->operands_only = true;
        return cli_next(p, value);
    }
    const cli_option *opt;
    const char *attached = NULL; /* --opt=value, -oVALUE */
    if (arg[1] == '-') {
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        opt = find_long(p, name, len);
        if (!opt) {
            cli_usage_error(p->command, "unknown option '--%.*s'", (int)len, name);
            return CLI_ERROR;
        }
        if (eq)
            attached = eq + 1;
        if (eq && !opt->has_value) {
            cli_usage_error(p->command, "option '--%s' takes no value", opt->long_name);
            return CLI_ERROR;
        }
    } else {
        opt = find_short(p, arg[1]);
        if (!opt || (!opt->has_value && arg[2] != '\0')) {
            cli_usage_error(p->command, "unknown option '%s'", arg);
            return CLI_ERROR;
        }
        if (arg[2] != '\0')
            attached = arg + 2;
    }
    if (opt->has_value) {
        if (attached)
            *value = attached;
        else if (p->index < p->argc)
            *value = p->argv[p->index++];
        else {
            cli_usage_error(p->command, "option '--%s' needs a value", opt->long_name);
            return CLI_ERROR;
        }
    }
    return opt->id;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("relmap: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "\nTry 'relmap %s --help'.\n", command);
    else
        fputs("\nTry 'relmap --help'.\n", stderr);
    return EXIT_TROUBLE;
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("relmap: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_TROUBLE;
}

bool cli_parse_int(const char *text, int *out)
{
    if (*text < '0' || *text > '9')
        return false;
    errno = 0;
    char *end;
    long value = strtol(text, &end, 10);
    if (errno || *end || value > 0x7fffffffL)
        return false;
    *out = (int)value;
    return true;
}

bool cli_parse_size(const char *text, uint64_t *out)
{
    static const char units[] = "KMGT";
    if (*text < '0' || *text > '9')
        return false;
    errno = 0;
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno)
        return false;
    if (*end) {
        const char *unit = strchr(units, toupper((unsigned char)*end));
        if (!unit || !*unit)
            return false;
        const char *rest = end + 1;
        if (strcasecmp(rest, "") != 0 && strcasecmp(rest, "B") != 0 && strcasecmp(rest, "iB") != 0)
            return false;
        for (const char *u = units; u <= unit; u++) {
            if (value > UINT64_MAX / 1024)
                return false;
            value *= 1024;
        }
    }
    *out = value;
    return true;
}

bool cli_parse_input_kind(const char *text, relmap_input_kind *out)
{
    if (strcmp(text, "auto") == 0)
        *out = RELMAP_INPUT_AUTO;
    else if (strcmp(text, "sqlite") == 0)
        *out = RELMAP_INPUT_SQLITE;
    else if (strcmp(text, "sql") == 0)
        *out = RELMAP_INPUT_SQL;
    else if (strcmp(text, "python") == 0)
        *out = RELMAP_INPUT_PYTHON;
    else
        return false;
    return true;
}

bool cli_parse_dialect(const char *text, relmap_dialect *out)
{
    if (strcmp(text, "auto") == 0)
        *out = RELMAP_DIALECT_UNKNOWN;
    else if (strcmp(text, "sqlite") == 0)
        *out = RELMAP_DIALECT_SQLITE;
    else if (strcmp(text, "postgres") == 0 || strcmp(text, "postgresql") == 0)
        *out = RELMAP_DIALECT_POSTGRES;
    else if (strcmp(text, "mysql") == 0 || strcmp(text, "mariadb") == 0)
        *out = RELMAP_DIALECT_MYSQL;
    else
        return false;
    return true;
}

int cli_input_option(const char *command, int id, const char *value, relmap_load_opts *load)
{
    switch (id) {
    case CLI_OPT_INPUT_KIND:
        if (!cli_parse_input_kind(value, &load->kind))
            return cli_usage_error(command,
                                   "unknown input kind '%s' (expected auto, sqlite or sql)", value);
        return 1;
    case CLI_OPT_DIALECT:
        if (!cli_parse_dialect(value, &load->dialect))
            return cli_usage_error(
                command, "unknown dialect '%s' (expected auto, sqlite, postgres or mysql)", value);
        return 1;
    case CLI_OPT_BUSY_TIMEOUT:
        if (!cli_parse_int(value, &load->busy_timeout_ms))
            return cli_usage_error(command, "invalid --busy-timeout '%s' (expected milliseconds)",
                                   value);
        return 1;
    case CLI_OPT_MAX_INPUT_SIZE:
        if (!cli_parse_size(value, &load->max_input_size))
            return cli_usage_error(command,
                                   "invalid --max-input-size '%s' (expected bytes, or a number "
                                   "with K, M or G: 512M, 2G)",
                                   value);
        return 1;
    case CLI_OPT_VERBOSE:
        load->verbose = cli_stderr_write;
        return 1;
    default:
        return 0;
    }
}

bool cli_output_open(cli_output *out, const char *path)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    return !path || cli_output_allowed(path);
}

int cli_output_write(void *payload, const char *data, size_t len)
{
    cli_output *out = payload;
    if (!out->path)
        return fwrite(data, 1, len, stdout) == len ? 0 : -1;
    if (len > SIZE_MAX / 2 - out->len - 1)
        abort();
    if (out->len + len > out->cap) {
        out->cap = (out->len + len) * 2;
        out->data = realloc(out->data, out->cap);
        if (!out->data)
            abort();
    }
    memcpy(out->data + out->len, data, len);
    out->len += len;
    return 0;
}

bool cli_output_close(cli_output *out)
{
    bool ok;
    if (out->path) {
        ok = cli_write_file(out->path, out->data ? out->data : "", out->len, -1);
    } else {
        ok = !ferror(stdout) && fflush(stdout) == 0;
        if (!ok)
            cli_fail("standard output: write failed: %s", strerror(errno));
    }
    free(out->data);
    memset(out, 0, sizeof *out);
    return ok;
}

int cli_stderr_write(void *payload, const char *data, size_t len)
{
    (void)payload;
    return fwrite(data, 1, len, stderr) == len ? 0 : -1;
}

char *cli_read_file(const char *path, size_t *len)
{
    /* Not blocking, and only a regular file: a FIFO or /dev/zero given as
     * a baseline fails at once instead of waiting or filling memory. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        cli_fail("%s: cannot read: %s", path, fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f)
        abort();
    char *data = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            data = realloc(data, cap);
            if (!data)
                abort();
        }
        got = fread(data + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        cli_fail("%s: cannot read", path);
        free(data);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

void cli_print_wrapped(FILE *out, const char *text, int indent, int width)
{
    int col = 0;
    const char *p = text;
    while (*p) {
        if (*p == ' ' || *p == '\n') {
            p++;
            continue;
        }
        size_t word = strcspn(p, " \n");
        if (col > 0 && col + 1 + (int)word > width) {
            fputc('\n', out);
            col = 0;
        }
        if (col == 0)
            col = fprintf(out, "%*s", indent, "");
        else
            col += fprintf(out, " ");
        col += (int)fwrite(p, 1, word, out);
        p += word;
    }
    if (col > 0)
        fputc('\n', out);
}

void cli_list_add(cli_list *list, const char *text)
{
    for (const char *p = text;;) {
        size_t len = strcspn(p, ",");
        if (len > 0) {
            list->items = realloc(list->items, (list->count + 1) * sizeof *list->items);
            char *copy = strndup(p, len);
            if (!list->items || !copy)
                abort();
            list->items[list->count++] = copy;
        }
        p += len;
        if (!*p)
            break;
        p++; /* the comma */
    }
}

void cli_list_free(cli_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
