#ifndef CLUSTERLENS_CZLIB_SHIM_H
#define CLUSTERLENS_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro; Swift sees this function instead. windowBits 16 + MAX_WBITS: gzip only. */
static inline int cl_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

#endif
