// Content hashes of source documents (OpenSSL's SHA-256: a well-kept
// implementation; a digest is not something to write ourselves).
#include "liaison/identity.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace liaison {

std::string contentHash(std::string_view bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 of a source failed (OpenSSL)");
    static const char hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

} // namespace liaison
