#include "ui/config/configdiff.h"

#include <vector>

namespace mort {

QList<DiffLine> diffLines(const QString &before, const QString &after, int maxLines)
{
    const QStringList a = before.split(u'\n');
    const QStringList b = after.split(u'\n');
    QList<DiffLine> out;
    if (a.size() > maxLines || b.size() > maxLines) {
        for (const QString &line : a)
            out.append({DiffLine::Removed, line});
        for (const QString &line : b)
            out.append({DiffLine::Added, line});
        return out;
    }
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // lcs[i][j]: common lines of a[i..] and b[j..].
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[size_t(i)][size_t(j)] = a.at(i) == b.at(j)
                ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            out.append({DiffLine::Same, a.at(i)});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            out.append({DiffLine::Added, b.at(j++)});
        } else {
            out.append({DiffLine::Removed, a.at(i++)});
        }
    }
    // Removed lines before the added ones of the same change.
    for (qsizetype k = 1; k < out.size(); ++k) {
        qsizetype p = k;
        while (p > 0 && out.at(p).kind == DiffLine::Removed && out.at(p - 1).kind == DiffLine::Added) {
            out.swapItemsAt(p, p - 1);
            --p;
        }
    }
    return out;
}

QStringList unifiedDiff(const QList<DiffLine> &diff, int context)
{
    QList<bool> shown(diff.size(), false);
    bool changed = false;
    for (qsizetype k = 0; k < diff.size(); ++k) {
        if (diff.at(k).kind == DiffLine::Same)
            continue;
        changed = true;
        for (qsizetype c = std::max<qsizetype>(0, k - context); c <= std::min(diff.size() - 1, k + context); ++c)
            shown[c] = true;
    }
    QStringList out;
    if (!changed)
        return out;
    bool gap = false;
    for (qsizetype k = 0; k < diff.size(); ++k) {
        if (!shown.at(k)) {
            gap = true;
            continue;
        }
        if (gap && !out.isEmpty())
            out << QStringLiteral("...");
        gap = false;
        const QChar sign = diff.at(k).kind == DiffLine::Added ? u'+'
            : diff.at(k).kind == DiffLine::Removed            ? u'-'
                                                              : u' ';
        out << sign + diff.at(k).text;
    }
    return out;
}

} // namespace mort
