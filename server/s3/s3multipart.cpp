#include "s3/s3multipart.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace mort::s3 {

namespace {

constexpr qint64 kPiece = 256 * 1024;

S3Error error(QByteArray code, QString message = {})
{
    return S3Error::make(std::move(code), std::move(message));
}

// Several files read one after the other as one sequential device.
class ConcatDevice : public QIODevice
{
public:
    explicit ConcatDevice(QStringList paths) : m_paths(std::move(paths)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        while (m_index < m_paths.size()) {
            if (!m_current) {
                m_current = std::make_unique<QFile>(m_paths.at(m_index));
                if (!m_current->open(QIODevice::ReadOnly))
                    return -1;
            }
            const qint64 n = m_current->read(data, max);
            if (n < 0)
                return -1;
            if (n > 0)
                return n;
            m_current.reset();
            ++m_index;
        }
        return 0;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QStringList m_paths;
    qsizetype m_index = 0;
    std::unique_ptr<QFile> m_current;
};

} // namespace

MultipartStore::MultipartStore() : m_root(QDir::tempPath() + QStringLiteral("/mort-multipart-XXXXXX")) {}

QString MultipartStore::partPath(const QByteArray &uploadId, int number) const
{
    return m_root.path() + QLatin1Char('/') + QString::fromLatin1(uploadId) + QLatin1Char('/')
        + QString::number(number);
}

void MultipartStore::expireLocked(const QDateTime &now)
{
    for (auto it = m_uploads.begin(); it != m_uploads.end();) {
        if (it->touched.secsTo(now) > kIdleSeconds) {
            QDir(m_root.path() + QLatin1Char('/') + QString::fromLatin1(it.key())).removeRecursively();
            it = m_uploads.erase(it);
        } else {
            ++it;
        }
    }
}

int MultipartStore::openUploads() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_uploads.size());
}

std::variant<QByteArray, S3Error> MultipartStore::create(const QString &bucket, const QString &key,
                                                         const ObjectMetadata &meta)
{
    if (!m_root.isValid())
        return error("InternalError", QStringLiteral("no folder for multipart uploads"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_mutex);
    expireLocked(now);
    if (m_uploads.size() >= kMaxUploads)
        return error("ServiceUnavailable", QStringLiteral("too many multipart uploads in progress"));
    QByteArray id(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.data()), 4);
    id = id.toHex();
    if (!QDir().mkpath(m_root.path() + QLatin1Char('/') + QString::fromLatin1(id)))
        return error("InternalError", QStringLiteral("cannot create a folder for the upload"));
    m_uploads.insert(id, Upload{bucket, key, meta, now, {}});
    return id;
}

std::variant<QByteArray, S3Error> MultipartStore::addPart(const QByteArray &uploadId, const QString &bucket,
                                                          const QString &key, int number, QIODevice &body, qint64 size,
                                                          const QByteArray &md5Hex)
{
    if (number < 1 || number > kMaxParts)
        return error("InvalidArgument",
                     QStringLiteral("Part number must be an integer between 1 and 10000, inclusive"));
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_uploads.find(uploadId);
        if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
            return error("NoSuchUpload", QStringLiteral("The specified multipart upload does not exist."));
    }
    // Written under a temporary name, renamed when whole: a part is complete or absent.
    const QString path = partPath(uploadId, number);
    QFile out(path + QStringLiteral(".partial"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return error("InternalError", QStringLiteral("cannot write a part"));
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        const qint64 n = body.read(buffer.data(), std::min(kPiece, left));
        if (n <= 0 || out.write(buffer.constData(), n) != n) {
            out.remove();
            return error("InternalError", QStringLiteral("cannot write a part"));
        }
        left -= n;
    }
    out.close();
    QFile::remove(path);
    QMutexLocker lock(&m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || !QFile::rename(path + QStringLiteral(".partial"), path)) {
        QFile::remove(path + QStringLiteral(".partial"));
        return error("NoSuchUpload", QStringLiteral("The specified multipart upload does not exist."));
    }
    const QByteArray etag = '"' + md5Hex + '"';
    it->parts.insert(number, Part{etag, QByteArray::fromHex(md5Hex), size});
    it->touched = QDateTime::currentDateTimeUtc();
    return etag;
}

std::variant<MultipartStore::Assembled, S3Error> MultipartStore::assemble(const QByteArray &uploadId,
                                                                          const QString &bucket, const QString &key,
                                                                          const QList<QPair<int, QByteArray>> &parts,
                                                                          qint64 maxObjectBytes)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
        return error("NoSuchUpload", QStringLiteral("The specified multipart upload does not exist."));
    if (parts.isEmpty())
        return error("MalformedXML", QStringLiteral("You must specify at least one part"));
    Assembled out;
    QStringList paths;
    QCryptographicHash md5s(QCryptographicHash::Md5);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (parts.at(i).first <= parts.at(i - 1).first)
            return error("InvalidPartOrder", QStringLiteral("The list of parts was not in ascending order."));
    }
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto &[number, etag] = parts.at(i);
        auto part = it->parts.constFind(number);
        QByteArray quoted = etag.trimmed();
        if (!quoted.startsWith('"'))
            quoted = '"' + quoted + '"';
        if (part == it->parts.constEnd() || part->etag != quoted)
            return error("InvalidPart",
                         QStringLiteral("One or more of the specified parts could not be found or "
                                        "its entity tag did not match."));
        if (i + 1 < parts.size() && part->size < kMinPartBytes)
            return error("EntityTooSmall",
                         QStringLiteral("Your proposed upload is smaller than the minimum allowed "
                                        "object size."));
        out.size += part->size;
        md5s.addData(part->md5);
        paths.append(partPath(uploadId, number));
    }
    if (out.size > maxObjectBytes)
        return error("EntityTooLarge");
    out.body = std::make_unique<ConcatDevice>(paths);
    out.etag = '"' + md5s.result().toHex() + '-' + QByteArray::number(parts.size()) + '"';
    out.meta = it->meta;
    it->touched = QDateTime::currentDateTimeUtc();
    return out;
}

bool MultipartStore::remove(const QByteArray &uploadId, const QString &bucket, const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
        return false;
    m_uploads.erase(it);
    QDir(m_root.path() + QLatin1Char('/') + QString::fromLatin1(uploadId)).removeRecursively();
    return true;
}

} // namespace mort::s3
