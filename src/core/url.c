/* url.c — the host of a URL, as the site a document comes from: the store counts sources by it
** (NumSources) and the extractor names a page's site by it when the page does not. */
#include <string.h>
#include <strings.h>

#include "core.h"

const char *vg_url_host(const char *url, size_t *n)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t k = strcspn(p, "/?#");
    const char *at = memchr(p, '@', k); /* user:password@ */
    if (at) {
        k -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    const char *colon = memchr(p, ':', k); /* :port */
    if (colon)
        k = (size_t)(colon - p);
    if (k > 4 && !strncasecmp(p, "www.", 4))
        p += 4, k -= 4;
    *n = k;
    return p;
}
