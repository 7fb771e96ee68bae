/*
 * fuzz_graphviz_leaks.c - LeakSanitizer's suppressions for fuzz_pipeline
 * under libFuzzer: Graphviz 2.42 leaks a little per layout (HTML labels,
 * cluster data; tests/valgrind.supp says which) and fontconfig, GLib and Pango cache for
 * the process.
 *
 * tests/sanitizer/graphviz_leaks.c names the leaking functions and needs
 * the slow unwinder to see through Graphviz's frames; on every malloc that
 * would make fuzzing many times slower. With the fast unwinder the frame
 * that called malloc is still known, so the suppressions here name the
 * libraries instead: a leak whose allocation happened inside Graphviz or
 * fontconfig. relmap's own leaks are allocated by relmap's code and still
 * reported; a Graphviz object relmap forgets to free would be missed here
 * and is what the ASan test suite (slow unwinder) is for.
 */
#ifdef __GNUC__
#define SANITIZER_HOOK __attribute__((visibility("default")))
#else
#define SANITIZER_HOOK
#endif

SANITIZER_HOOK const char *__lsan_default_suppressions(void);

const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libcgraph.so\nleak:libcdt.so\nleak:libpathplan.so\n"
           "leak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
           "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libharfbuzz.so\n";
}
