#pragma once
// The cache browser's side pane: the selected entry's key, status, size,
// headers, and a thumbnail when it is an image. Shows what it is given; the
// panel asks the EngineClient for the entry.
#include "cache/responsecache.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mort {

class CacheEntryDetailView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kThumbnailSide = 240;

    explicit CacheEntryDetailView(QWidget *parent = nullptr);

    void showPlaceholder(const QString &text); // nothing or several selected, or gone
    void showLoading(const QString &key);
    void showEntry(const CacheEntryDetail &entry);

    QString shownKey() const { return m_key; }
    bool isLoading() const { return m_loading; }
    bool hasThumbnail() const;
    QSize thumbnailSize() const;
    QStringList headerLines() const; // "Name: value", as shown

private:
    QString m_key;
    bool m_loading = false;
    QLabel *m_title;
    QLabel *m_thumbnail;
    QLabel *m_facts;
    QTreeWidget *m_headers;
};

} // namespace mort
