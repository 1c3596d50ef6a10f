#pragma once
// "Every preset on this photo": renders each preset of a bucket on one source
// through the engine's own pipeline (EngineClient::renderForDisplay), then
// composes the results into one PNG-able grid with a caption per tile
// (preset, format, size, bytes). Cancelled with the object or by cancel().
#include "client/engineclient.h"
#include "config/config.h"
#include "core/cancellation.h"

#include <QImage>
#include <QObject>
#include <QPointer>

namespace mort {

struct ContactSheetTile
{
    QString preset;
    QImage image;   // the result decoded for display, at most kThumbnailSide px a side (null on error)
    QString format; // "jpeg", "webp", ...
    int width = 0;  // px of the result
    int height = 0;
    qint64 bytes = 0;
    double renderMs = 0;
    QString error; // why there is no image
};

class ContactSheetRenderer : public QObject
{
    Q_OBJECT
public:
    // Tiles keep the result scaled to at most this many px a side (twice the
    // sheet's 240 px cell, sharp on a 2x screen), not the whole result: a
    // bucket with many large presets took hundreds of MB (issue 25 finding 11).
    static constexpr int kThumbnailSide = 480;

    explicit ContactSheetRenderer(QObject *parent = nullptr);
    ~ContactSheetRenderer() override; // cancels

    // The engine that renders; none = every tile says so.
    void setEngineClient(EngineClient *client) { m_client = client; }

    // Renders every preset of `bucket` (sorted by name) on `source`; tiles
    // arrive through tileReady() in any order, finished() once all are done.
    // A new start() cancels the previous sheet.
    void start(ConfigPtr config, const QString &bucket, const QByteArray &source);
    void cancel();
    bool isRunning() const { return m_pending > 0; }
    QList<ContactSheetTile> tiles() const { return m_tiles; }
    // What the tiles' images hold: at most presets x kThumbnailSide^2 x 4 bytes.
    qint64 imageBytes() const;

Q_SIGNALS:
    void tileReady(int index, const mort::ContactSheetTile &tile);
    void finished(const QList<mort::ContactSheetTile> &tiles);

private:
    QList<ContactSheetTile> m_tiles;
    int m_pending = 0;
    quint64 m_generation = 0;
    CancelToken m_cancel;
    QPointer<EngineClient> m_client;
};

// The grid: `columns` tiles per row, each result fitted into a `cell` px
// square (never enlarged) above its caption; `title` on top.
QImage composeContactSheet(const QList<ContactSheetTile> &tiles, const QString &title, int columns = 4, int cell = 240);

} // namespace mort

Q_DECLARE_METATYPE(mort::ContactSheetTile)
