// RemoteEngineClient's config checks over the admin API (service/adminapi.h):
//   POST config/validate  200 {"valid":true} | 422 {"valid":false,"issues":[{"keyPath","message"}]}
//                         ("***" at a masked key keeps the server's running secret)
//   POST config/apply     200 {"applied":true} | 422 as validate
//                         | 409 {"code":"config.restart_required"|"config.listen_failed","message"}
//   GET presets/stale, POST|DELETE presets/stale/<id>/purge: changed presets' stored results
#include "client/configcheck.h"
#include "client/remoteengineclient.h"
#include "service/stalepresetjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace mort {

void RemoteEngineClient::validateConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done)
{
    postConfig(false, yaml, context, std::move(done));
}

void RemoteEngineClient::applyConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done)
{
    postConfig(true, yaml, context, std::move(done));
}

void RemoteEngineClient::postConfig(bool apply, const QString &yaml, QObject *context, Done<ConfigCheck> done)
{
    // A secret still masked as "***" (GET config) is sent as it is: the server
    // keeps its running value at that key path (service/maskedsecrets.h).
    QNetworkRequest r = request(apply ? QStringLiteral("config/apply") : QStringLiteral("config/validate"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/yaml"));
    QNetworkReply *reply = m_nam->post(r, yaml.toUtf8());
    QPointer<QObject> receiver(context);
    QPointer<RemoteEngineClient> self(this);
    const QString text = yaml;
    connect(reply, &QNetworkReply::finished, this, [self, reply, receiver, apply, text, done] {
        reply->deleteLater();
        if (!receiver || !self)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        ConfigCheck check;
        if (status == 200) {
            check.applied = apply && answer.value(QLatin1String("applied")).toBool();
            return done(check);
        }
        if (status == 422 && answer.contains(QLatin1String("issues"))) {
            for (const QJsonValue &v : answer.value(QLatin1String("issues")).toArray()) {
                const QJsonObject o = v.toObject();
                check.issues.append(ConfigIssue{o.value(QLatin1String("keyPath")).toString(),
                                                o.value(QLatin1String("message")).toString()});
            }
            return done(check);
        }
        const QString code = answer.value(QLatin1String("code")).toString();
        if (code == QLatin1String("config.restart_required")) {
            check.restartRequired = true;
            // Which keys: the running config against the new one (cache and
            // lock are never masked, so the server's text parses for them).
            return self->readConfig(receiver, [check, text, done](const Expected<ConfigSnapshot> &running) mutable {
                if (running && running->config) {
                    QList<ConfigIssue> ignored;
                    check.restartKeys = restartKeysBetween(*running->config, ConfigLoader::parse(text, ignored));
                }
                done(check);
            });
        }
        if (!code.isEmpty() && status >= 400 && status < 500 && status != 401 && status != 403) {
            const QString message = answer.value(QLatin1String("message")).toString();
            check.refusal = message.isEmpty() ? code : message;
            return done(check);
        }
        done(self->errorOf(reply, body));
    });
}

void RemoteEngineClient::listStalePresets(QObject *context, Done<QList<StalePreset>> done)
{
    studioCall("GET", QStringLiteral("presets/stale"), {}, {}, context, [done](const Expected<QNetworkReply *> &reply) {
        if (!reply)
            return done(reply.error());
        const QJsonObject answer = QJsonDocument::fromJson((*reply)->readAll()).object();
        done(stalePresetsFromJson(answer.value(QLatin1String("presets")).toArray()));
    });
}

void RemoteEngineClient::purgeStaleResults(quint64 id, QObject *context, Done<StalePreset> done)
{
    studioCall("POST", QStringLiteral("presets/stale/%1/purge").arg(id), QByteArrayLiteral("{}"),
               QByteArrayLiteral("application/json"), context, [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   done(stalePresetFromJson(QJsonDocument::fromJson((*reply)->readAll()).object()));
               });
}

void RemoteEngineClient::cancelStaleResultsPurge(quint64 id, QObject *context, Done<bool> done)
{
    studioCall("DELETE", QStringLiteral("presets/stale/%1/purge").arg(id), {}, {}, context,
               [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   const QJsonObject answer = QJsonDocument::fromJson((*reply)->readAll()).object();
                   done(answer.value(QLatin1String("cancelled")).toBool());
               });
}

} // namespace mort
