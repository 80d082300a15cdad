// The one-file achyk (`make dist`, scripts/dist.sh) links the Swift runtime and Foundation statically. Foundation's networking part
// comes along because FlyingFox, the preview server, has a proxy handler built on URLSession, and it calls
// libcurl, which a machine without development packages does not have. achyk never makes an HTTP request, so these
// functions stand in for libcurl's, built into a libcurl.a that only the dist build sees: each fails as libcurl does
// when it cannot start, and none is ever called.
#include <stddef.h>

enum { failed_init = 2 };

int curl_global_init(long flags) { (void)flags; return failed_init; }
void *curl_easy_init(void) { return NULL; }
void curl_easy_cleanup(void *handle) { (void)handle; }
int curl_easy_setopt(void *handle, int option, ...) { (void)handle; (void)option; return failed_init; }
int curl_easy_getinfo(void *handle, int info, ...) { (void)handle; (void)info; return failed_init; }
int curl_easy_pause(void *handle, int bitmask) { (void)handle; (void)bitmask; return failed_init; }
const char *curl_easy_strerror(int code) { (void)code; return "achyk was built without networking"; }
void curl_free(void *pointer) { (void)pointer; }
void *curl_multi_init(void) { return NULL; }
int curl_multi_cleanup(void *handle) { (void)handle; return 0; }
int curl_multi_add_handle(void *multi, void *easy) { (void)multi; (void)easy; return 1; }
int curl_multi_remove_handle(void *multi, void *easy) { (void)multi; (void)easy; return 1; }
int curl_multi_assign(void *multi, int socket, void *pointer) { (void)multi; (void)socket; (void)pointer; return 1; }
int curl_multi_setopt(void *multi, int option, ...) { (void)multi; (void)option; return 1; }
int curl_multi_socket_action(void *multi, int socket, int mask, int *running) { (void)multi; (void)socket; (void)mask; if (running) *running = 0; return 1; }
void *curl_multi_info_read(void *multi, int *queued) { (void)multi; if (queued) *queued = 0; return NULL; }
void *curl_slist_append(void *list, const char *text) { (void)list; (void)text; return NULL; }
void curl_slist_free_all(void *list) { (void)list; }
void *curl_url(void) { return NULL; }
int curl_url_set(void *url, int part, const char *content, unsigned int flags) { (void)url; (void)part; (void)content; (void)flags; return 1; }
int curl_url_get(void *url, int part, char **content, unsigned int flags) { (void)url; (void)part; if (content) *content = NULL; (void)flags; return 1; }
char *curl_version(void) { return "none"; }
void *curl_version_info(int age) { (void)age; return NULL; }
