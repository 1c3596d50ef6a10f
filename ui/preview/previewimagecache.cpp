#include "ui/preview/previewimagecache.h"

#include <QCryptographicHash>

namespace mort {

PreviewImageCache::PreviewImageCache(QObject *parent) : QObject(parent)
{
    m_cache.setMaxCost(kDefaultMaxBytes);
}

QByteArray PreviewImageCache::sourceKey(const QByteArray &bytes, int maxSide)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1) + QByteArray::number(maxSide);
}

const PreviewImageCache::Decoded *PreviewImageCache::find(const QByteArray &key)
{
    const Decoded *decoded = m_cache.object(key);
    ++(decoded ? m_hits : m_misses);
    return decoded;
}

void PreviewImageCache::insert(const QByteArray &key, const Decoded &decoded)
{
    // QCache refuses (and deletes) an object costing more than the bound.
    m_cache.insert(key, new Decoded(decoded), std::max<qsizetype>(1, decoded.image.sizeInBytes()));
}

void PreviewImageCache::clear()
{
    m_cache.clear();
}

void PreviewImageCache::setMaxBytes(qint64 bytes)
{
    m_cache.setMaxCost(bytes);
}

} // namespace mort
