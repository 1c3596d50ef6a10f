#pragma once
// Shared fixture of the integration tests: the real mort::Engine, started
// in-process from a YAML config on ephemeral ports, with local-meta storages in
// a QTemporaryDir, driven by a blocking raw HTTP/1.1 client (exact wire view:
// status line, every header, body bytes, nothing added by a client library).
//
// The engine's HTTP server runs on a thread of its own, so the blocking client
// may run in the test thread.
#include "config/config.h"
#include "http/httpmessage.h"
#include "imaging/imageprocessor.h"
#include "imaging/vipsref.h"
#include "service/engine.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLocalSocket>
#include <QDateTime>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <memory>
#include <optional>

namespace mort::test {

// One parsed HTTP response as it came off the wire.
struct Reply
{
    int status = 0;
    HttpHeaders headers; // in wire order, names as sent
    QByteArray body;
    bool complete = false; // status line, headers and Content-Length bytes all arrived

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool has(QByteArrayView name) const { return hasHeader(headers, name); }
    int headerCount(QByteArrayView name) const
    {
        int n = 0;
        for (const auto &h : headers)
            n += h.first.compare(name.toByteArray(), Qt::CaseInsensitive) == 0 ? 1 : 0;
        return n;
    }
};

// Blocking HTTP/1.1 client on one connection: TCP ("127.0.0.1:port") or a unix
// socket ("unix:/path"). Responses are framed by Content-Length (the server
// always sends it except for statuses without a body).
class RawHttpClient
{
public:
    explicit RawHttpClient(const QString &address, int timeoutMs = 5000)
    {
        if (address.startsWith(QLatin1String("unix:"))) {
            auto local = std::make_unique<QLocalSocket>();
            local->connectToServer(address.mid(5));
            m_connected = local->waitForConnected(timeoutMs);
            m_device = std::move(local);
        } else {
            auto tcp = std::make_unique<QTcpSocket>();
            const int colon = address.lastIndexOf(QLatin1Char(':'));
            tcp->connectToHost(address.left(colon), address.mid(colon + 1).toUShort());
            m_connected = tcp->waitForConnected(timeoutMs);
            m_device = std::move(tcp);
        }
    }

    bool isConnected() const { return m_connected; }
    QIODevice &device() { return *m_device; }
    QTcpSocket *tcp() { return qobject_cast<QTcpSocket *>(m_device.get()); }

    // "Host: mort.test" unless `headers` name a Host of their own.
    static QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers = {})
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
        if (!hasHeader(headers, "Host"))
            out += "Host: mort.test\r\n";
        for (const auto &h : headers)
            out += h.first + ": " + h.second + "\r\n";
        return out + "\r\n";
    }

    bool send(const QByteArray &bytes)
    {
        if (m_device->write(bytes) != bytes.size())
            return false;
        return m_device->waitForBytesWritten(5000) || m_device->bytesToWrite() == 0;
    }

    // Reads the next response. `headRequest`: the response has no body
    // whatever its Content-Length says.
    Reply read(bool headRequest = false, int timeoutMs = 30000)
    {
        Reply r;
        QElapsedTimer t;
        t.start();
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0 && t.elapsed() < timeoutMs && pump(timeoutMs - t.elapsed())) {}
        if (end < 0)
            return r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        r.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype c = line.indexOf(':');
            if (c > 0)
                r.headers.append({line.left(c), line.mid(c + 1).trimmed()});
        }
        m_buffer.remove(0, end + 4);
        const qint64 length = headRequest ? 0 : headerValue(r.headers, "Content-Length").toLongLong();
        while (m_buffer.size() < length && t.elapsed() < timeoutMs && pump(timeoutMs - t.elapsed())) {}
        r.body = m_buffer.left(length);
        m_buffer.remove(0, r.body.size());
        r.complete = r.body.size() == length;
        return r;
    }

    Reply request(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers = {},
                  int timeoutMs = 30000)
    {
        if (!m_connected || !send(requestBytes(method, target, headers)))
            return {};
        return read(method == "HEAD", timeoutMs);
    }

    // A request with `body` and its Content-Length.
    Reply requestWithBody(const QByteArray &method, const QByteArray &target, HttpHeaders headers,
                          const QByteArray &body, int timeoutMs = 30000)
    {
        headers.append({"Content-Length", QByteArray::number(body.size())});
        if (!m_connected || !send(requestBytes(method, target, headers) + body))
            return {};
        return read(method == "HEAD", timeoutMs);
    }

    // Bytes that arrived after the last response (a HEAD must leave none).
    QByteArray leftover(int waitMs = 200)
    {
        pump(waitMs);
        return m_buffer;
    }

    void abort()
    {
        if (auto *t = tcp())
            t->abort();
        else if (auto *l = qobject_cast<QLocalSocket *>(m_device.get()))
            l->abort();
    }

private:
    // false once the peer closed and nothing is left to read.
    bool pump(qint64 ms)
    {
        if (m_device->bytesAvailable() == 0
            && !m_device->waitForReadyRead(int(qBound<qint64>(qint64(1), ms, qint64(200))))) {
            m_buffer += m_device->readAll();
            if (auto *t = tcp(); t && t->state() == QAbstractSocket::UnconnectedState)
                return false;
            if (auto *l = qobject_cast<QLocalSocket *>(m_device.get());
                l && l->state() == QLocalSocket::UnconnectedState)
                return false;
            return true;
        }
        m_buffer += m_device->readAll();
        return true;
    }

    std::unique_ptr<QIODevice> m_device;
    bool m_connected = false;
    QByteArray m_buffer;
};

// An image body decoded independently of the server with libvips.
struct Decoded
{
    bool ok = false;
    int width = 0;
    int height = 0;
    int bands = 0;
    QByteArray loader; // "jpegload", "webpload", ...
    VipsInterpretation interpretation = VIPS_INTERPRETATION_ERROR;
};

// Loads the header and decodes every pixel (vips_avg), so a truncated or
// corrupt body fails here.
inline Decoded decodeImage(const QByteArray &body)
{
    Decoded d;
    if (body.isEmpty())
        return d;
    ImageRef image(vips_image_new_from_buffer(body.constData(), size_t(body.size()), "", "fail_on",
                                              VIPS_FAIL_ON_TRUNCATED, nullptr));
    if (!image) {
        vips_error_clear();
        return d;
    }
    double mean = 0;
    if (vips_avg(image.get(), &mean, nullptr) != 0) {
        vips_error_clear();
        return d;
    }
    d.ok = true;
    d.width = vips_image_get_width(image.get());
    d.height = vips_image_get_height(image.get());
    d.bands = vips_image_get_bands(image.get());
    d.interpretation = vips_image_get_interpretation(image.get());
    const char *loader = nullptr;
    if (vips_image_get_string(image.get(), "vips-loader", &loader) == 0 && loader)
        d.loader = loader;
    return d;
}

// RFC 7231 IMF-fixdate ("Wed, 01 May 2024 10:00:00 GMT"); invalid otherwise.
inline QDateTime parseHttpDate(const QByteArray &text)
{
    QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    t.setTimeSpec(Qt::UTC);
    return t;
}

inline QString testDataPath(const QString &relative)
{
    return QStringLiteral(MORT_TESTDATA_DIR "/") + relative;
}

// Number of regular files below `dir` (recursively).
inline int countFiles(const QString &dir)
{
    int n = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Polls `predicate` every millisecond (no event loop needed: the engine runs
// on its own threads) until it holds or `timeoutMs` passes.
template<typename Predicate>
bool pollUntil(Predicate predicate, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!predicate()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(1); // the poll period
    }
    return true;
}

// Engine + its temporary directory. `yaml` may use the placeholder @ROOT@ for
// the temporary directory (ConfigLoader expands $VARS, so no '$' is used).
class TestServer
{
public:
    TestServer() { QVERIFY2(m_dir.isValid(), "no temporary directory"); }
    ~TestServer() { stop(); }
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // Copies testdata/<source> to <root>/<target> (parent folders created).
    bool addFile(const QString &source, const QString &target)
    {
        const QString to = path(target);
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        return QFile::copy(testDataPath(source), to);
    }

    // Parses, validates and starts. Returns an empty string on success, else why not.
    QString start(QString yaml)
    {
        yaml.replace(QLatin1String("@ROOT@"), root());
        auto config = ConfigLoader::fromText(yaml);
        if (!config)
            return QStringLiteral("config: ") + config.error().toString();
        ConfigPtr loaded = std::move(config).value();
        if (!yaml.contains(QLatin1String("internalListen"))) {
            // Without one the engine takes Mort's default 127.0.0.1:8081, and two
            // such suites run side by side by ctest -j would collide on it.
            auto ownPort = std::make_shared<Config>(*loaded);
            ownPort->server.internalListen = QStringLiteral("127.0.0.1:0");
            loaded = std::move(ownPort);
        }
        m_engine = std::make_unique<Engine>(std::move(loaded));
        if (auto started = m_engine->start(); !started)
            return QStringLiteral("start: ") + started.error().toString();
        const EngineStats s = m_engine->stats();
        if (s.publicAddresses.isEmpty())
            return QStringLiteral("no public address bound");
        m_address = s.publicAddresses.first();
        return {};
    }

    void stop(int graceMs = 2000)
    {
        if (m_engine)
            m_engine->stop(graceMs);
    }

    Engine &engine() { return *m_engine; }
    QString address() const { return m_address; }
    // The bound internalListen ("127.0.0.1:port"); empty without one.
    QString internalAddress() const { return m_engine ? m_engine->stats().internalAddresses.value(0) : QString(); }

    // One request on a fresh connection.
    Reply request(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers = {},
                  int timeoutMs = 30000)
    {
        RawHttpClient client(m_address);
        return client.request(method, target, headers, timeoutMs);
    }
    Reply get(const QByteArray &target, const HttpHeaders &headers = {}, int timeoutMs = 30000)
    {
        return request("GET", target, headers, timeoutMs);
    }
    Reply head(const QByteArray &target, const HttpHeaders &headers = {}) { return request("HEAD", target, headers); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QString m_address;
};

// One bucket "media" with query transforms, originals under @ROOT@/originals
// and results under @ROOT@/results, on ephemeral loopback ports.
inline QString mediaQueryConfig()
{
    return QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  media:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");
}

// Two query buckets over the same folders: "meta" on `local-meta` and "plain"
// on `local` storages, originals under @ROOT@/originals/<bucket> and results
// under @ROOT@/results (the storage-containment tests run against both kinds).
inline QString localBucketsConfig()
{
    return QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  meta:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  plain:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local", rootPath: "@ROOT@/originals"}
      transform: {kind: "local", rootPath: "@ROOT@/results"}
)yaml");
}

// The four CORS headers and Accept-Ranges the object handler adds (spec
// http-behaviour.md §3.1), as exact values.
inline HttpHeaders corsHeaders()
{
    return {{"Access-Control-Allow-Origin", "*"},
            {"Access-Control-Allow-Methods", "POST, GET, OPTIONS, HEAD"},
            {"Access-Control-Allow-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height"},
            {"Access-Control-Expose-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height"},
            {"Accept-Ranges", "bytes"}};
}

} // namespace mort::test

// Use inside a test function: starts `server` with `yaml` or fails the test.
#define MORT_START(server, yaml)                                                                                       \
    do {                                                                                                               \
        const QString why_ = (server).start(yaml);                                                                     \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                                                    \
    } while (false)
