// Spec config.md §1: before parsing, Mort runs the whole file text through Go's
// os.ExpandEnv. We reproduce its shell-style rules exactly, quirks included:
//   $NAME, ${NAME}       -> value (unset -> "")
//   ${any text}          -> the text between the braces is the name
//   $1 $* $# $$ $@ $! $? $- ${1} -> one-character special name, consumed (normally "")
//   $ + other character  -> left untouched ($" and $) keep regexes ending in $ safe)
//   ${}                  -> removed;  "${" without "}" -> "${" removed
//   trailing $           -> kept
// `$$` is *not* an escape for a literal `$` (peer-differences C14 suggests one,
// but a Mort config must mean the same to both servers).
#include "config/config.h"

namespace mort {

namespace {

bool isSpecialName(QChar c)
{
    return QStringView(u"*#$@!?-0123456789").contains(c);
}

bool isNameChar(QChar c)
{
    return c == QLatin1Char('_') || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

} // namespace

QString ConfigLoader::expandEnvironment(const QString &text)
{
    return expandEnvironment(text,
                             [](const QString &name) { return qEnvironmentVariable(name.toLocal8Bit().constData()); });
}

QStringList ConfigLoader::unsetVariables(const QString &text)
{
    QStringList unset;
    expandEnvironment(text, [&unset](const QString &name) {
        const bool special = name.size() == 1 && isSpecialName(name.front());
        if (!special && !unset.contains(name) && !qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
            unset << name;
        return QString();
    });
    return unset;
}

QString ConfigLoader::expandEnvironment(const QString &text, const std::function<QString(const QString &)> &lookup)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') || i + 1 == n) {
            out += c;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('{')) {
            if (i + 3 < n && isSpecialName(text.at(i + 2)) && text.at(i + 3) == QLatin1Char('}')) {
                out += lookup(QString(text.at(i + 2)));
                i += 3;
                continue;
            }
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0) {
                i += 1; // bad syntax: drop "${", keep the rest
            } else {
                if (close > i + 2)
                    out += lookup(text.mid(i + 2, close - i - 2));
                i = close; // "${}" is dropped
            }
            continue;
        }
        if (isSpecialName(next)) {
            out += lookup(QString(next));
            i += 1;
            continue;
        }
        qsizetype end = i + 1;
        while (end < n && isNameChar(text.at(end)))
            ++end;
        if (end == i + 1) {
            out += c; // "$" before a non-name character stays
            continue;
        }
        out += lookup(text.mid(i + 1, end - i - 1));
        i = end - 1;
    }
    return out;
}

} // namespace mort
