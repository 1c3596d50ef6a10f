#include "storage/filebodydevice.h"

namespace mort {

FileBodyDevice::FileBodyDevice(std::unique_ptr<QFile> file, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent), m_file(std::move(file)), m_offset(offset), m_length(length)
{
    if (m_file && m_file->isOpen() && m_file->seek(m_offset))
        QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    else
        setErrorString(QStringLiteral("cannot position file at body start"));
}

FileBodyDevice::~FileBodyDevice() = default;

bool FileBodyDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length || !m_file->seek(m_offset + pos))
        return false;
    return QIODevice::seek(pos);
}

qint64 FileBodyDevice::readData(char *data, qint64 maxSize)
{
    // pos() is maintained by QIODevice; the file position mirrors it.
    const qint64 left = m_length - pos();
    if (left <= 0)
        return 0;
    const qint64 n = m_file->read(data, qMin(maxSize, left));
    if (n < 0)
        setErrorString(m_file->errorString());
    return n;
}

qint64 FileBodyDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace mort
