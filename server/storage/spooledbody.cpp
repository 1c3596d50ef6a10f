#include "storage/spooledbody.h"

#include "storage/contenttype.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace mort {

class SpoolReader;

// What the writer and its readers share. The mutex guards every field and is
// held while readers are told of new bytes, so a reader being destroyed on
// another thread is either still registered (and told) or already gone.
struct SpoolState
{
    QMutex mutex;
    qint64 written = 0;
    bool finished = false;
    bool failed = false;
    QList<SpoolReader *> readers;
    int keptEarlyReaders = 0; // readers handed out early and still alive
};

// Read side: sequential, no thread affinity needed. A reader that
// caught up with the writer reads 0 bytes and is told by readyRead (emitted on
// the writer's thread: connect it queued) when more bytes arrive or the body
// ends; atEnd() is true at the end of a finished body or once it failed.
class SpoolReader : public QIODevice
{
public:
    SpoolReader(std::shared_ptr<SpoolState> state, int fd, qint64 announcedSize, bool early)
        : m_state(std::move(state)), m_fd(fd), m_size(announcedSize), m_early(early)
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->readers.append(this);
        if (m_early)
            ++m_state->keptEarlyReaders;
    }

    ~SpoolReader() override
    {
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->readers.removeOne(this);
            if (m_early)
                --m_state->keptEarlyReaders;
        }
        ::close(m_fd);
    }

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_size; }

    qint64 bytesAvailable() const override
    {
        QMutexLocker lock(&m_state->mutex);
        return m_state->written - m_offset + QIODevice::bytesAvailable();
    }

    bool atEnd() const override
    {
        if (QIODevice::bytesAvailable() > 0)
            return false; // read ahead, not yet taken
        QMutexLocker lock(&m_state->mutex);
        return m_state->failed || (m_state->finished && m_offset >= m_state->written);
    }

    // Wakes whoever waits on this reader (called with the state's mutex held).
    void notify() { Q_EMIT readyRead(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        qint64 available = 0;
        {
            QMutexLocker lock(&m_state->mutex);
            if (m_state->failed)
                return -1;
            available = m_state->written - m_offset;
            if (available <= 0)
                return m_state->finished ? -1 : 0;
        }
        // Bytes below `written` are on disk already: read them without the lock.
        const qint64 want = std::min(available, maxSize);
        qint64 got = 0;
        do {
            got = ::pread(m_fd, data, static_cast<size_t>(want), m_offset);
        } while (got < 0 && errno == EINTR);
        if (got <= 0) {
            setErrorString(QStringLiteral("cannot read the downloaded body back"));
            return -1;
        }
        m_offset += got;
        return got;
    }

    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::shared_ptr<SpoolState> m_state;
    int m_fd;
    qint64 m_offset = 0;
    qint64 m_size;
    bool m_early;
};

SpoolWriter::SpoolWriter() : m_state(std::make_shared<SpoolState>()) {}

SpoolWriter::~SpoolWriter()
{
    settle(/*failed=*/true); // no-op when finish() or fail() ran
}

bool SpoolWriter::openSpool()
{
    return QTemporaryFile::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void SpoolWriter::arm(ObjectMetadata meta, EarlyBodyReader early)
{
    m_meta = std::move(meta);
    m_early = std::move(early);
    m_armed = static_cast<bool>(m_early);
}

void SpoolWriter::finish()
{
    settle(/*failed=*/false);
}

void SpoolWriter::fail()
{
    settle(/*failed=*/true);
}

void SpoolWriter::settle(bool failed)
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->finished || m_state->failed)
        return;
    (failed ? m_state->failed : m_state->finished) = true;
    for (SpoolReader *reader : std::as_const(m_state->readers))
        reader->notify();
}

std::unique_ptr<QIODevice> SpoolWriter::reader()
{
    return makeReader(/*early=*/false);
}

std::unique_ptr<QIODevice> SpoolWriter::makeReader(bool early)
{
    // Its own descriptor: the reader keeps the (unlinked) file after the writer closed it.
    const int fd = ::fcntl(handle(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    auto reader = std::make_unique<SpoolReader>(m_state, fd, m_meta.size, early);
    if (!reader->open(QIODevice::ReadOnly))
        return nullptr;
    return reader;
}

bool SpoolWriter::resize(qint64 size)
{
    if (!QTemporaryFile::resize(size))
        return false;
    QMutexLocker lock(&m_state->mutex);
    m_state->written = std::min(m_state->written, size);
    return true;
}

qint64 SpoolWriter::writeData(const char *data, qint64 len)
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_earlyTaken && m_state->keptEarlyReaders == 0)
            return -1; // the client that was reading it left: stop the download
    }
    const qint64 n = QTemporaryFile::writeData(data, len);
    if (n <= 0)
        return n;
    qint64 written = 0;
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->written = std::max(m_state->written, pos() + n);
        written = m_state->written;
        for (SpoolReader *reader : std::as_const(m_state->readers))
            reader->notify();
    }
    if (m_armed && written >= contenttype::SniffLength) {
        m_armed = false;
        std::unique_ptr<QIODevice> early = makeReader(/*early=*/true);
        if (early)
            m_early(m_meta, early);
        m_earlyTaken = early == nullptr;
        m_early = nullptr;
    }
    return n;
}

} // namespace mort
