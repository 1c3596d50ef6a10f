#pragma once
// A line diff of two config texts for the Config tab's Apply dialog: what the
// running server has against what the editor would apply. Pure.
#include <QList>
#include <QString>
#include <QStringList>

namespace mort {

struct DiffLine
{
    enum Kind { Same, Removed, Added };
    Kind kind = Same;
    QString text;
};

// Longest common subsequence of the lines; unchanged runs stay, so the
// removed and added lines read as an edit. Texts with more than `maxLines`
// lines each are compared as "all removed, all added".
QList<DiffLine> diffLines(const QString &before, const QString &after, int maxLines = 4000);
// "-old", "+new", " same" lines, with at most `context` unchanged lines
// around each change ("..." between). Empty when the texts are equal.
QStringList unifiedDiff(const QList<DiffLine> &diff, int context = 3);

} // namespace mort
