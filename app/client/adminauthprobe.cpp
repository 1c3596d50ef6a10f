#include "client/adminauthprobe.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace mort {

AdminAuthProbe::AdminAuthProbe(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

void AdminAuthProbe::probe(const QUrl &baseUrl)
{
    if (QPointer<QNetworkReply> old = std::exchange(m_pending, nullptr))
        old->abort(); // finished() comes at once, and is dropped below: no longer the pending one
    QUrl url = baseUrl;
    url.setPath(baseUrl.path() + QStringLiteral("/api/v1/info"));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply *reply = m_nam->get(request);
    m_pending = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, baseUrl] {
        reply->deleteLater();
        if (reply != m_pending)
            return; // superseded
        m_pending = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const Need need = status == 200 ? Need::None : status == 401 ? Need::Token : Need::Unknown;
        Q_EMIT answered(baseUrl, need);
    });
}

} // namespace mort
