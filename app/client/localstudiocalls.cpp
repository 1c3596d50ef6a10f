// LocalEngineClient's Preview calls: bucket listing, object reads, renders,
// display decodes and config edits on the embedded engine, each on a worker
// thread and answered on the GUI thread (engineclient.h).
#include "client/localengineclient.h"

#include "config/configeditor.h"

#include <QFile>
#include <QFileInfo>

namespace mort {

template<typename T>
void LocalEngineClient::answer(QThreadPool &pool, QObject *context, std::function<Expected<T>()> work, Done<T> done)
{
    // The destructor joins the pools, so `this` outlives the job; `context`
    // is only touched on this thread, through a QPointer.
    QPointer<QObject> receiver(context);
    pool.start([this, receiver, work = std::move(work), done = std::move(done)] {
        QMetaObject::invokeMethod(
            this,
            [receiver, result = work(), done] {
                if (receiver)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void LocalEngineClient::listObjects(const QString &bucket, int limit, QObject *context, Done<QStringList> done)
{
    Engine *engine = m_engine.get();
    answer<QStringList>(
        m_pool, context, [engine, bucket, limit] { return engine->listObjects(bucket, limit); }, std::move(done));
}

void LocalEngineClient::readObject(const QString &bucket, const QString &key, QObject *context, Done<QByteArray> done)
{
    Engine *engine = m_engine.get();
    answer<QByteArray>(
        m_pool, context, [engine, bucket, key] { return engine->readObject(bucket, key); }, std::move(done));
}

void LocalEngineClient::renderPreview(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                                      Done<RenderedPreview> done)
{
    const AdminRender *render = m_render.get();
    answer<RenderedPreview>(
        m_renderPool, context, [render, request, cancel] { return render->render(request, cancel); }, std::move(done));
}

void LocalEngineClient::decodeForDisplay(const QByteArray &bytes, bool autoRotate, int maxSide, QObject *context,
                                         Done<QImage> done)
{
    const AdminRender *render = m_render.get();
    answer<QImage>(
        m_renderPool, context,
        [render, bytes, autoRotate, maxSide]() -> Expected<QImage> {
            Expected<QByteArray> png = render->display(bytes, autoRotate, maxSide);
            if (!png)
                return png.takeError();
            QImage image = QImage::fromData(*png, "PNG");
            if (image.isNull())
                return Error::internal("preview.display", QStringLiteral("the display copy did not decode"));
            return image;
        },
        std::move(done));
}

void LocalEngineClient::readConfig(QObject *context, Done<ConfigSnapshot> done)
{
    Engine *engine = m_engine.get();
    answer<ConfigSnapshot>(
        m_pool, context,
        [engine]() -> Expected<ConfigSnapshot> {
            const ConfigPtr config = engine->config();
            return ConfigSnapshot{config, engine->configText(), config->sourcePath};
        },
        std::move(done));
}

bool LocalEngineClient::canSavePresets(QString *why) const
{
    if (!m_configPath.isEmpty() && QFileInfo(m_configPath).isWritable())
        return true;
    if (why)
        *why = tr("Saving needs a config file the studio may write: start it with --config FILE");
    return false;
}

void LocalEngineClient::savePreset(const QString &bucket, const QString &snippet, QObject *context,
                                   Done<SavedPreset> done)
{
    Engine *engine = m_engine.get();
    const QString path = m_configPath;
    answer<SavedPreset>(
        m_pool, context,
        [engine, path, bucket, snippet]() -> Expected<SavedPreset> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error::client("preview.save_refused", 422, tr("The preset was not saved"),
                                     tr("cannot read %1: %2").arg(path, file.errorString()));
            Expected<PresetEdit> edit =
                ConfigEditor::setPreset(QString::fromUtf8(file.readAll()), bucket, snippet, path);
            if (!edit)
                return edit.takeError();
            if (Expected<void> written = ConfigEditor::writeFile(path, edit->text); !written)
                return written.takeError();
            if (Expected<void> applied = engine->applyConfig(edit->text); !applied)
                return Error::client("preview.apply_failed", applied.error().httpStatus,
                                     tr("Saved, but the running server did not take the new config"),
                                     applied.error().publicMessage + QStringLiteral(": ") + applied.error().detail);
            return SavedPreset{edit->config, edit->replacedExisting, edit->formattingKept, path};
        },
        std::move(done));
}

// localconfigcalls.cpp answers through the same helper.
template void LocalEngineClient::answer<ConfigCheck>(QThreadPool &, QObject *, std::function<Expected<ConfigCheck>()>,
                                                     Done<ConfigCheck>);
template void LocalEngineClient::answer<QList<StalePreset>>(QThreadPool &, QObject *,
                                                            std::function<Expected<QList<StalePreset>>()>,
                                                            Done<QList<StalePreset>>);
template void LocalEngineClient::answer<StalePreset>(QThreadPool &, QObject *, std::function<Expected<StalePreset>()>,
                                                     Done<StalePreset>);
template void LocalEngineClient::answer<bool>(QThreadPool &, QObject *, std::function<Expected<bool>()>, Done<bool>);

} // namespace mort
