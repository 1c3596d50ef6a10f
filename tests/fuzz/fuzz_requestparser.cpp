// libFuzzer entry point for the HTTP request parser (see requestparserfuzz.h).
// Built as a fuzzer with the "fuzz" preset (clang), and linked into
// fuzzreplay.cpp for the corpus replay every CI run does.
#include "fuzzfailure.h"
#include "requestparserfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string disagreement = mort::fuzz::checkRequestParser(data, size);
    if (!disagreement.empty())
        mort::fuzz::failWithInput("request parser", disagreement, data, size);
    return 0;
}
