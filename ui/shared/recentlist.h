#pragma once
// Most-recent-first lists kept in QSettings: the servers the studio attached
// to (URLs only: tokens live in the keychain, see ui/connection/tokenstore.h) and the images
// opened in the preview.
#include <QString>
#include <QStringList>

namespace mort {

class RecentList
{
public:
    static constexpr int kMax = 10;

    static RecentList connections();
    static RecentList previewFiles();

    QStringList list() const;
    // Moves `entry` to the front, dropping the oldest beyond kMax.
    void remember(const QString &entry) const;
    void forget(const QString &entry) const;

private:
    explicit RecentList(QString settingsKey) : m_key(std::move(settingsKey)) {}
    QString m_key;
};

} // namespace mort
