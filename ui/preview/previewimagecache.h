#pragma once
// Decoded images the Preview may show again (sources decoded for display,
// keyed by their bytes), bounded in bytes: the least recently used go first
// once the total passes maxBytes(), and an image larger than the bound is not
// kept at all (issue 25 finding 11: the studio's memory only grew). The
// Preview empties it when its tab is hidden.
#include <QCache>
#include <QImage>
#include <QObject>

namespace mort {

class PreviewImageCache : public QObject
{
    Q_OBJECT
public:
    // Two decoded 4096 px sources (the largest the Preview decodes) and change.
    static constexpr qint64 kDefaultMaxBytes = 160LL << 20;

    explicit PreviewImageCache(QObject *parent = nullptr);

    // What a source decodes to, with the size its transforms see.
    struct Decoded
    {
        QImage image;
        int width = 0;
        int height = 0;
    };

    // The key of `bytes` decoded at most `maxSide` px a side.
    static QByteArray sourceKey(const QByteArray &bytes, int maxSide);

    // Null when not kept; a hit makes it the most recently used.
    const Decoded *find(const QByteArray &key);
    void insert(const QByteArray &key, const Decoded &decoded);
    void clear();

    void setMaxBytes(qint64 bytes);
    qint64 maxBytes() const { return m_cache.maxCost(); }
    qint64 totalBytes() const { return m_cache.totalCost(); }
    qsizetype count() const { return m_cache.count(); }
    int hits() const { return m_hits; }
    int misses() const { return m_misses; }

private:
    QCache<QByteArray, Decoded> m_cache; // cost = the image's bytes
    int m_hits = 0;
    int m_misses = 0;
};

} // namespace mort
