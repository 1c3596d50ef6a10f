// libFuzzer entry point for the HTTP request parser (see requestparserfuzz.h).
// Built as a fuzzer with the "fuzz" preset (clang), and linked into
// fuzzreplay.cpp for the corpus replay every CI run does.
#include "requestparserfuzz.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string disagreement = mort::fuzz::checkRequestParser(data, size);
    if (!disagreement.empty()) {
        std::fprintf(stderr, "request parser: %s\ninput (%zu bytes, C escapes): \"", disagreement.c_str(), size);
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
    return 0;
}
