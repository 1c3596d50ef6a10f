#include "ui/preview/contactsheet.h"

#include "client/engineclient.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace mort {

ContactSheetRenderer::ContactSheetRenderer(QObject *parent) : QObject(parent) {}

ContactSheetRenderer::~ContactSheetRenderer()
{
    m_cancel.cancel();
}

void ContactSheetRenderer::cancel()
{
    m_cancel.cancel();
    ++m_generation; // results still on their way are dropped
    m_pending = 0;
}

void ContactSheetRenderer::start(ConfigPtr config, const QString &bucket, const QByteArray &source)
{
    cancel();
    m_cancel = CancelToken();
    m_tiles.clear();
    const BucketConfig *b = config ? config->bucket(bucket) : nullptr;
    const QStringList presets = b && b->transform ? b->transform->presets.keys() : QStringList(); // QMap: sorted
    for (const QString &name : presets)
        m_tiles.append(ContactSheetTile{name, {}, {}, 0, 0, 0, 0, {}});
    m_pending = int(presets.size());
    if (presets.isEmpty()) {
        Q_EMIT finished(m_tiles);
        return;
    }
    const quint64 generation = m_generation;
    for (int i = 0; i < presets.size(); ++i) {
        const auto deliver = [this, i, generation](const ContactSheetTile &tile) {
            if (generation != m_generation)
                return;
            m_tiles[i] = tile;
            Q_EMIT tileReady(i, tile);
            if (--m_pending == 0)
                Q_EMIT finished(m_tiles);
        };
        ContactSheetTile tile{presets.at(i), {}, {}, 0, 0, 0, 0, {}};
        if (!m_client) {
            tile.error = tr("no engine to render with");
            deliver(tile);
            continue;
        }
        // The engine bounds how many run at once (its render pool, or the
        // server's admin pool); the rest wait there.
        PreviewRequest request{bucket, presets.at(i), {}, source, {}};
        m_client->renderForDisplay(
            request, m_cancel, this, [tile, deliver](const Expected<DisplayedRender> &result) mutable {
                if (result) {
                    const QByteArray &type = result->result.contentType;
                    tile.format = QString::fromLatin1(type.mid(type.indexOf('/') + 1));
                    tile.width = result->result.width;
                    tile.height = result->result.height;
                    tile.bytes = result->result.body.size();
                    tile.renderMs = result->result.renderMs;
                    const QImage &image = result->image;
                    tile.image = image.width() > ContactSheetRenderer::kThumbnailSide
                            || image.height() > ContactSheetRenderer::kThumbnailSide
                        ? image.scaled(ContactSheetRenderer::kThumbnailSide, ContactSheetRenderer::kThumbnailSide,
                                       Qt::KeepAspectRatio, Qt::SmoothTransformation)
                        : image;
                } else {
                    tile.error = QStringLiteral("%1 %2")
                                     .arg(result.error().httpStatus)
                                     .arg(QString::fromLatin1(result.error().code));
                }
                deliver(tile);
            });
    }
}

qint64 ContactSheetRenderer::imageBytes() const
{
    qint64 bytes = 0;
    for (const ContactSheetTile &tile : m_tiles)
        bytes += tile.image.sizeInBytes();
    return bytes;
}

QImage composeContactSheet(const QList<ContactSheetTile> &tiles, const QString &title, int columns, int cell)
{
    columns = std::max(1, std::min(columns, int(tiles.size())));
    const int rows = tiles.isEmpty() ? 0 : int((tiles.size() + columns - 1) / columns);
    QFont font;
    font.setPixelSize(13);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(font);
    const int margin = 16;
    const int line = metrics.height();
    const int caption = 2 * line + 8;
    const int titleHeight = 2 * line;
    const QSize size(margin + columns * (cell + margin), margin + titleHeight + rows * (cell + caption + margin));
    QImage sheet(size, QImage::Format_RGB32);
    sheet.fill(QColor(0xf4, 0xf4, 0xf4));
    QPainter p(&sheet);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(bold);
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(QRect(margin, margin, size.width() - 2 * margin, titleHeight), Qt::AlignLeft | Qt::AlignTop, title);
    const QLocale locale;
    for (int i = 0; i < tiles.size(); ++i) {
        const ContactSheetTile &t = tiles.at(i);
        const QRect box(margin + (i % columns) * (cell + margin),
                        margin + titleHeight + (i / columns) * (cell + caption + margin), cell, cell);
        p.fillRect(box, QColor(0xe6, 0xe6, 0xe6));
        if (!t.image.isNull()) {
            QSize fitted = t.image.size();
            if (fitted.width() > cell || fitted.height() > cell)
                fitted.scale(cell, cell, Qt::KeepAspectRatio);
            const QRect target(box.x() + (cell - fitted.width()) / 2, box.y() + (cell - fitted.height()) / 2,
                               fitted.width(), fitted.height());
            // A checkerboard under the result shows where it is transparent.
            p.save();
            p.setClipRect(target);
            for (int y = target.top(); y <= target.bottom(); y += 10)
                for (int x = target.left(); x <= target.right(); x += 10)
                    p.fillRect(x, y, 10, 10,
                               ((x - target.left() + y - target.top()) / 10) % 2 ? QColor(0xcc, 0xcc, 0xcc)
                                                                                 : Qt::white);
            p.restore();
            p.drawImage(target, t.image);
        } else {
            p.setFont(font);
            p.setPen(QColor(0xb3, 0x26, 0x1e));
            p.drawText(box.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                       t.error.isEmpty() ? QCoreApplication::translate("ContactSheet", "rendering…") : t.error);
        }
        p.setPen(QColor(0x20, 0x20, 0x20));
        p.setFont(bold);
        p.drawText(QRect(box.x(), box.bottom() + 4, cell, line), Qt::AlignLeft, t.preset);
        p.setFont(font);
        p.setPen(QColor(0x50, 0x50, 0x50));
        const QString facts = t.image.isNull() && t.width == 0 ? QString()
                                                               : QStringLiteral("%1 · %2×%3 · %4")
                                                                     .arg(t.format)
                                                                     .arg(t.width)
                                                                     .arg(t.height)
                                                                     .arg(locale.formattedDataSize(t.bytes));
        p.drawText(QRect(box.x(), box.bottom() + 4 + line, cell, line), Qt::AlignLeft,
                   metrics.elidedText(facts, Qt::ElideRight, cell));
    }
    return sheet;
}

} // namespace mort
