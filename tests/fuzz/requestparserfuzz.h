#pragma once
// The request parser's fuzz body, shared by the libFuzzer target (clang,
// -DMORT_FUZZ=ON) and the corpus replay that normal CI runs. Two properties:
//  1. no input crashes, hangs or grows memory past the limits (sanitizers);
//  2. differential: every request our parser accepts is framed the same way by
//     a second, independent parser (Boost.Beast's), so no byte sequence can be
//     read as different requests by us and by a proxy built on another parser.
#include <cstddef>
#include <cstdint>
#include <string>

namespace mort::fuzz {

// Runs both properties on one input. Returns an empty string when they hold,
// else a description of the disagreement (the fuzz target aborts on it).
std::string checkRequestParser(const uint8_t *data, size_t size);

} // namespace mort::fuzz
