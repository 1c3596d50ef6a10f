#pragma once
// Whether a server's admin API wants a token, asked before attaching: GET
// /api/v1/info without one answers 200 when the API is open and 401 when it
// needs server.adminToken. The Attach dialog reads the keychain (and speaks
// of it) only for a server that needs a token (issue 25 finding 10: a D-Bus
// error was shown for a server that needs none).
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mort {

class AdminAuthProbe : public QObject
{
    Q_OBJECT
public:
    enum class Need { Unknown, None, Token };
    Q_ENUM(Need)

    static constexpr int kTimeoutMs = 3000;

    explicit AdminAuthProbe(QObject *parent = nullptr);

    // -> answered(); a newer probe supersedes an unanswered one.
    void probe(const QUrl &baseUrl);

Q_SIGNALS:
    // None: 200 without a token; Token: 401; Unknown: unreachable or anything else.
    void answered(const QUrl &baseUrl, mort::AdminAuthProbe::Need need);

private:
    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_pending;
};

} // namespace mort
