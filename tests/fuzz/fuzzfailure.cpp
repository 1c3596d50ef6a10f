#include "fuzzfailure.h"

#include <cstdio>
#include <cstdlib>

namespace mort::fuzz {

void failWithInput(const char *target, const std::string &why, const uint8_t *data, size_t size)
{
    std::fprintf(stderr, "%s: %s\ninput (%zu bytes, C escapes): \"", target, why.c_str(), size);
    for (size_t i = 0; i < size && i < 600; ++i) {
        const unsigned char c = data[i];
        if (c == '\r')
            std::fputs("\\r", stderr);
        else if (c == '\n')
            std::fputs("\\n", stderr);
        else if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
            std::fprintf(stderr, "\\x%02x", c);
        else
            std::fputc(c, stderr);
    }
    std::fputs("\"\n", stderr);
    std::abort();
}

} // namespace mort::fuzz
