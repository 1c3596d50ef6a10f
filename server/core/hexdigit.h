#pragma once
// The value of one hexadecimal digit: shared by percent-decoding (object/)
// and chunk sizes (http/).

namespace mort {

// 0..15, or -1 when `c` is not a hexadecimal digit.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace mort
