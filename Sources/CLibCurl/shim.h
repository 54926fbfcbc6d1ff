#ifndef CLUSTERLENS_CLIBCURL_SHIM_H
#define CLUSTERLENS_CLIBCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift does not import: one typed
   function per kind of argument. */
static inline CURLcode cl_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode cl_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode cl_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode cl_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

typedef size_t (*cl_curl_data_fn)(char *bytes, size_t size, size_t count, void *user_data);
typedef int (*cl_curl_progress_fn)(void *user_data, curl_off_t download_total, curl_off_t downloaded,
                                   curl_off_t upload_total, curl_off_t uploaded);

/* The body (write) and header callbacks and the progress callback (called at least once a second:
   a non-zero return aborts the transfer), all with the same user data. */
static inline void cl_curl_set_callbacks(CURL *handle, cl_curl_data_fn body, cl_curl_data_fn header,
                                         cl_curl_progress_fn progress, void *user_data) {
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, user_data);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, user_data);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, user_data);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
}

static inline long cl_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

/* Where a 3xx answer points, resolved against the request's URL; NULL when nowhere. */
static inline const char *cl_curl_redirect_url(CURL *handle) {
    char *url = NULL;
    curl_easy_getinfo(handle, CURLINFO_REDIRECT_URL, &url);
    return url;
}

/* The Content-Length the server announced, -1 when none. */
static inline curl_off_t cl_curl_content_length(CURL *handle) {
    curl_off_t length = -1;
    curl_easy_getinfo(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    return length;
}

/* curl_global_init's flags are macros Swift does not import. */
static inline CURLcode cl_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

#endif
