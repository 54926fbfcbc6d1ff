#ifndef CLUSTERLENS_CLIBCRYPTO_SHIM_H
#define CLUSTERLENS_CLIBCRYPTO_SHIM_H

/* OpenSSL's libcrypto: only the message-digest (EVP) interface, for SHA-256 of source files. */
#include <openssl/evp.h>

#endif
