#pragma once
// Servers the studio attached to, most recent first, kept in QSettings (URLs
// only: tokens live in the keychain, see tokenstore.h).
#include <QStringList>

namespace mort {

class RecentConnections
{
public:
    static constexpr int kMax = 10;

    static QStringList list();
    // Moves `url` to the front, dropping the oldest beyond kMax.
    static void remember(const QString &url);
};

} // namespace mort
