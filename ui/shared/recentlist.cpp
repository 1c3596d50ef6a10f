#include "ui/shared/recentlist.h"

#include <QSettings>

namespace mort {

RecentList RecentList::connections()
{
    return RecentList(QStringLiteral("attach/recent"));
}

RecentList RecentList::previewFiles()
{
    return RecentList(QStringLiteral("preview/recentFiles"));
}

QStringList RecentList::list() const
{
    return QSettings().value(m_key).toStringList();
}

void RecentList::remember(const QString &entry) const
{
    QStringList entries = list();
    entries.removeAll(entry);
    entries.prepend(entry);
    while (entries.size() > kMax)
        entries.removeLast();
    QSettings().setValue(m_key, entries);
}

void RecentList::forget(const QString &entry) const
{
    QStringList entries = list();
    if (entries.removeAll(entry) > 0)
        QSettings().setValue(m_key, entries);
}

} // namespace mort
