/*
 * graphviz_leaks.c - the sanitizer settings of every test that draws
 * through libgvc (the test_render* programs link this file).
 *
 * LeakSanitizer's counterpart of tests/valgrind.supp (read there for why
 * each is not relmap's): Graphviz 2.42's HTML-label, gvconfig and cluster
 * leaks, and fontconfig's process-wide caches. The sanitizers call these
 * by name, so they must be visible from the executable despite the hidden
 * default.
 */
#ifdef __GNUC__
#define SANITIZER_HOOK __attribute__((visibility("default")))
#else
#define SANITIZER_HOOK
#endif

SANITIZER_HOOK const char *__lsan_default_suppressions(void);
SANITIZER_HOOK const char *__asan_default_options(void);

const char *__lsan_default_suppressions(void)
{
    return "leak:make_html_label\nleak:gvconfig\nleak:libfontconfig.so\nleak:dot_layout\n";
}

/* Graphviz and fontconfig are built without frame pointers: only the slow
 * unwinder finds the frames the suppressions above name. */
const char *__asan_default_options(void)
{
    return "fast_unwind_on_malloc=0";
}
