/* Built by install_check.cmake against the installed relmap only. */
#include <relmap/relmap.h>
#include <stdio.h>

int main(void)
{
    size_t count = 0;
    relmap_rules(&count);
    printf("relmap %s with %zu rules\n", relmap_version(), count);
    return count > 0 ? 0 : 1;
}
