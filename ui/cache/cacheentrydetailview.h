#pragma once
// The cache browser's side pane: the selected entry's key, status, size,
// headers, and a thumbnail when it is an image. Shows what it is given; the
// panel asks the EngineClient for the entry.
#include "client/engineclient.h"
#include "api/cacheentry.h"

#include <QPointer>
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

    // Decodes the thumbnails (the studio decodes no image itself).
    void setEngineClient(EngineClient *client) { m_client = client; }

    void showPlaceholder(const QString &text); // nothing or several selected, or gone
    void showLoading(const QString &key);
    void showEntry(const CacheEntryView &entry);

    QString shownKey() const { return m_key; }
    bool isLoading() const { return m_loading; }
    bool hasThumbnail() const; // decoded asynchronously after showEntry()
    QSize thumbnailSize() const;
    QStringList headerLines() const; // "Name: value", as shown

private:
    void showThumbnail(const QImage &image, const QString &contentType);

    QPointer<EngineClient> m_client;
    QString m_key;
    bool m_loading = false;
    QLabel *m_title;
    QLabel *m_thumbnail;
    QLabel *m_facts;
    QTreeWidget *m_headers;
};

} // namespace mort
