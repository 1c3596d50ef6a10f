#include "ui/cache/cacheentrydetailview.h"

#include "ui/cache/cacheentrymodel.h"
#include "client/engineclient.h"

#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mort {

CacheEntryDetailView::CacheEntryDetailView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_thumbnail(new QLabel), m_facts(new QLabel), m_headers(new QTreeWidget)
{
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setMinimumSize(kThumbnailSide, kThumbnailSide / 2);
    m_thumbnail->setObjectName(QStringLiteral("thumbnail"));
    m_facts->setWordWrap(true);
    m_facts->setObjectName(QStringLiteral("facts"));
    m_headers->setColumnCount(2);
    m_headers->setHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setRootIsDecorated(false);
    m_headers->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Names are shown whole (the column fits the longest one, see showEntry());
    // values wrap in what is left.
    m_headers->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_headers->setWordWrap(true);
    setMinimumWidth(kThumbnailSide + 80); // the list beside it keeps the width its columns need
    m_headers->setObjectName(QStringLiteral("headers"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_thumbnail);
    layout->addWidget(m_facts);
    layout->addWidget(m_headers, 1);
    showPlaceholder(tr("Select one entry to see its headers and a preview."));
}

void CacheEntryDetailView::showPlaceholder(const QString &text)
{
    m_key.clear();
    m_loading = false;
    m_title->setText(text);
    m_thumbnail->clear();
    m_thumbnail->setVisible(false);
    m_facts->clear();
    m_headers->clear();
    m_headers->setVisible(false);
}

void CacheEntryDetailView::showLoading(const QString &key)
{
    showPlaceholder(tr("Loading %1…").arg(CacheEntryModel::displayKey(key)));
    m_key = key;
    m_loading = true;
}

void CacheEntryDetailView::showEntry(const CacheEntryView &entry)
{
    m_key = entry.info.key;
    m_loading = false;
    // The request it answers first (what a person recognises), the key below.
    const QString key = CacheEntryModel::displayKey(entry.info.key).toHtmlEscaped();
    m_title->setText(entry.info.url.isEmpty()
                         ? QStringLiteral("<b>%1</b>").arg(key)
                         : tr("<b>%1</b><br><small>key %2</small>")
                               .arg(CacheEntryModel::displayKey(entry.info.url).toHtmlEscaped(), key));
    // The same size figure as the list: what the entry holds of the cache.
    QString facts = tr("Status %1 · %2 · %3 in cache · %4 hits")
                        .arg(entry.info.status)
                        .arg(QString::fromLatin1(entry.info.contentType).toHtmlEscaped(),
                             CacheEntryModel::formatSize(entry.info.size))
                        .arg(entry.info.hits);
    const QByteArray &body = entry.body;
    const QString contentType = QString::fromLatin1(entry.info.contentType);
    m_thumbnail->clear();
    if (m_client && entry.info.contentType.startsWith("image/") && !body.isEmpty()) {
        // The engine decodes every format it writes (Qt lacks webp/avif here)
        // and shrinks on load, so even a large entry decodes quickly.
        m_thumbnail->setText(tr("Decoding…"));
        m_client->decodeForDisplay(body, false, 2 * kThumbnailSide, this,
                                   [this, key = m_key, contentType](const Expected<QImage> &image) {
                                       if (key == m_key) // not superseded by another entry
                                           showThumbnail(image ? *image : QImage(), contentType);
                                   });
    } else {
        showThumbnail({}, contentType);
    }
    m_thumbnail->setVisible(true);
    m_facts->setText(facts);
    m_headers->clear();
    for (const auto &[name, value] : entry.headers) {
        auto *item = new QTreeWidgetItem(m_headers, {QString::fromLatin1(name), QString::fromLatin1(value)});
        item->setToolTip(1, item->text(1));
    }
    m_headers->setVisible(true);
    m_headers->resizeColumnToContents(0);
}

void CacheEntryDetailView::showThumbnail(const QImage &image, const QString &contentType)
{
    if (image.isNull()) {
        m_thumbnail->setText(contentType.startsWith(QLatin1String("image/"))
                                 ? tr("(this image format cannot be previewed here)")
                                 : tr("(no preview for %1)").arg(contentType));
        return;
    }
    // Shrunk only when a side passed twice the thumbnail: else these are its pixels.
    if (image.width() < 2 * kThumbnailSide && image.height() < 2 * kThumbnailSide)
        m_facts->setText(m_facts->text() + QStringLiteral(" · %1 × %2 px").arg(image.width()).arg(image.height()));
    const QSize box(kThumbnailSide, kThumbnailSide);
    const QImage thumb = image.width() > box.width() || image.height() > box.height()
        ? image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        : image;
    m_thumbnail->setPixmap(QPixmap::fromImage(thumb));
}

bool CacheEntryDetailView::hasThumbnail() const
{
    return !m_thumbnail->pixmap().isNull();
}

QSize CacheEntryDetailView::thumbnailSize() const
{
    return m_thumbnail->pixmap().size();
}

QStringList CacheEntryDetailView::headerLines() const
{
    QStringList lines;
    for (int i = 0; i < m_headers->topLevelItemCount(); ++i)
        lines << m_headers->topLevelItem(i)->text(0) + QStringLiteral(": ") + m_headers->topLevelItem(i)->text(1);
    return lines;
}

} // namespace mort
