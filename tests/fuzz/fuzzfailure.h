#pragma once
// What every fuzz target does when a check fails: name the target and the
// broken promise, print the input as a C string (paste it into a test or the
// corpus), and abort so libFuzzer and the replay both stop with a crash.
#include <cstddef>
#include <cstdint>
#include <string>

namespace mort::fuzz {

[[noreturn]] void failWithInput(const char *target, const std::string &why, const uint8_t *data, size_t size);

} // namespace mort::fuzz
