#pragma once
// RFC 9110 §5.6.2 tokens (field names, methods, transfer codings, connection
// options): shared by the request parser and the response header rules.
#include <QByteArrayView>

namespace mort {

constexpr bool isHttpTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

// Non-empty and made of token characters only.
inline bool isHttpToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isHttpTokenChar(c))
            return false;
    }
    return true;
}

} // namespace mort
