#include "ui/recentconnections.h"

#include <QSettings>

namespace mort {

namespace {
const QString kKey = QStringLiteral("attach/recent");
}

QStringList RecentConnections::list()
{
    return QSettings().value(kKey).toStringList();
}

void RecentConnections::remember(const QString &url)
{
    QStringList urls = list();
    urls.removeAll(url);
    urls.prepend(url);
    while (urls.size() > kMax)
        urls.removeLast();
    QSettings().setValue(kKey, urls);
}

} // namespace mort
