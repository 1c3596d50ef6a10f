#include "ui/previewcontroller.h"

#include "service/previewrenderer.h"
#include "ui/presetroute.h"
#include "ui/previewimage.h"

#include <QMetaObject>

namespace mort {

namespace {

QString formatOf(const QByteArray &contentType)
{
    const qsizetype slash = contentType.indexOf('/');
    return QString::fromLatin1(slash < 0 ? contentType : contentType.mid(slash + 1));
}

QString openAnotherHint()
{
    return PreviewController::tr("Open a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIF image.");
}

// One sentence for the user from a render error: the server's public message
// and its code, never the internal detail (it names files on the server), and
// what to do next.
QString failureMessage(const Error &error)
{
    QString next;
    switch (error.httpStatus) {
    case 415: next = openAnotherHint(); break;
    case 422: next = PreviewController::tr("Open a smaller image or ask for a smaller output."); break;
    case 400: next = PreviewController::tr("Check the parameters or the preset."); break;
    default: next = PreviewController::tr("Try other parameters, or open the image again."); break;
    }
    QString what = error.publicMessage.isEmpty() ? PreviewController::tr("the server refused it") : error.publicMessage;
    what[0] = what[0].toUpper();
    return PreviewController::tr("%1 (%2 %3). %4")
        .arg(what)
        .arg(error.httpStatus)
        .arg(QString::fromLatin1(error.code), next);
}

} // namespace

PreviewController::PreviewController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mort::PreviewInfo>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewController::startRender);
    // One render and one "before" decode at a time at most (plus a cancelled
    // render winding down): bounded memory whatever the user clicks.
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("mort-preview"));
}

PreviewController::~PreviewController()
{
    m_debounce.stop();
    m_cancel.cancel();
    m_pool.waitForDone();
}

void PreviewController::setConfig(ConfigPtr config, const QString &bucket)
{
    m_config = std::move(config);
    m_renderer = m_config ? std::make_shared<const PreviewRenderer>(m_config) : nullptr;
    QString chosen = bucket;
    if (chosen.isEmpty() && m_config) {
        for (auto it = m_config->buckets.cbegin(); it != m_config->buckets.cend(); ++it) {
            if (it->transform && !it->transform->presets.isEmpty()) {
                chosen = it.key();
                break;
            }
        }
        if (chosen.isEmpty() && !m_config->buckets.isEmpty())
            chosen = m_config->buckets.firstKey();
    }
    m_bucket = chosen;
    if (!presets().contains(m_preset))
        m_preset.clear();
    requestChanged();
}

void PreviewController::setBucket(const QString &bucket)
{
    if (bucket == m_bucket)
        return;
    m_bucket = bucket;
    if (!presets().contains(m_preset))
        m_preset.clear();
    requestChanged();
}

QStringList PreviewController::buckets() const
{
    return m_config ? QStringList(m_config->buckets.keys()) : QStringList();
}

QStringList PreviewController::presets() const
{
    const BucketConfig *b = m_config ? m_config->bucket(m_bucket) : nullptr;
    return b && b->transform ? QStringList(b->transform->presets.keys()) : QStringList();
}

void PreviewController::setSource(const QByteArray &bytes, const QString &name)
{
    m_source = bytes;
    m_sourceName = name;
    const quint64 generation = ++m_sourceGeneration;
    setRunning(+1);
    m_pool.start([this, bytes, generation] {
        QString error;
        const QImage image = decodePreviewImage(bytes, true, kMaxSourceDisplaySide, &error);
        QMetaObject::invokeMethod(this, [this, image, generation, size = bytes.size()] {
            setRunning(-1);
            if (generation != m_sourceGeneration)
                return; // another source was opened meanwhile
            if (image.isNull()) {
                Q_EMIT failed(tr("This file is not an image the server reads. %1").arg(openAnotherHint()));
                return;
            }
            // Stored size after EXIF orientation, as the transforms see it.
            Q_EMIT sourceDecoded(image, image.width(), image.height(), size);
        }, Qt::QueuedConnection);
    });
    requestChanged();
}

void PreviewController::setParameters(const PreviewParameters &parameters)
{
    m_parameters = parameters;
    m_preset.clear();
    requestChanged();
}

void PreviewController::setPreset(const QString &name)
{
    m_preset = name;
    requestChanged();
}

void PreviewController::setDebounceMs(int ms)
{
    m_debounce.setInterval(std::max(0, ms));
}

void PreviewController::renderNow()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        startRender();
    }
}

void PreviewController::requestChanged()
{
    ++m_generation; // whatever is in flight is now stale
    m_debounce.start();
    updateBusy();
}

void PreviewController::startRender()
{
    if (!m_renderer || m_source.isEmpty()) {
        updateBusy();
        return;
    }
    if (m_rendersInFlight > 0 && !m_cancel.isCancelled()) {
        m_cancel.cancel(); // the older render stops at its next libvips poll
        ++m_cancelled;
    }
    m_cancel = CancelToken();
    ++m_started;
    ++m_rendersInFlight;
    setRunning(+1);

    PreviewInfo request;
    request.presetName = m_preset;
    request.query = m_preset.isEmpty() ? m_parameters.toQuery() : QByteArray();
    m_pool.start([this, renderer = m_renderer, source = m_source, bucket = m_bucket, request,
                  token = m_cancel, generation = m_generation]() mutable {
        const PreviewResult result = request.presetName.isEmpty()
                                         ? renderer->renderQuery(source, bucket, request.query, token)
                                         : renderer->renderPreset(source, bucket, request.presetName, token);
        QImage preview;
        QString message;
        bool ok = result.ok;
        if (ok) {
            PreviewInfo &info = request;
            info.image = result.image;
            info.format = formatOf(result.image.contentType);
            info.width = result.image.width;
            info.height = result.image.height;
            info.bytes = result.image.body.size();
            info.sourceBytes = result.sourceBytes;
            info.ratio = result.sourceBytes > 0 ? double(info.bytes) / double(result.sourceBytes) : 0.0;
            info.renderMs = result.renderMs;
            // Stale results are dropped on arrival; skip their display decode too.
            if (!token.isCancelled())
                preview = decodePreviewImage(result.image.body, false, 0, &message);
            if (preview.isNull() && !token.isCancelled()) {
                ok = false;
                message = tr("The result cannot be shown: %1").arg(message);
            }
        } else {
            message = failureMessage(result.error);
        }
        QMetaObject::invokeMethod(this, [this, generation, ok, preview, request, message] {
            finishRender(generation, ok, preview, request, message);
        }, Qt::QueuedConnection);
    });
}

void PreviewController::finishRender(quint64 generation, bool ok, const QImage &preview, const PreviewInfo &info,
                                     const QString &message)
{
    --m_rendersInFlight;
    setRunning(-1);
    if (generation != m_generation)
        return; // superseded by a newer request
    if (ok)
        Q_EMIT rendered(preview, info);
    else
        Q_EMIT failed(message);
}

void PreviewController::setRunning(int delta)
{
    m_running += delta;
    updateBusy();
}

void PreviewController::updateBusy()
{
    if (isBusy() == m_busy)
        return;
    m_busy = isBusy();
    Q_EMIT busyChanged(m_busy);
}

QString PreviewController::requestUrl() const
{
    const QString key = m_sourceName.isEmpty() ? QStringLiteral("image.jpg") : m_sourceName;
    if (m_preset.isEmpty())
        return m_parameters.toUrl(m_bucket, key);
    return presetRequestPath(m_config, m_bucket, m_preset, key);
}

QString PreviewController::presetYaml(const QString &name) const
{
    if (m_preset.isEmpty())
        return m_parameters.toPresetYaml(name.isEmpty() ? QStringLiteral("preview") : name);
    const BucketConfig *b = m_config ? m_config->bucket(m_bucket) : nullptr;
    if (!b || !b->transform || !b->transform->presets.contains(m_preset))
        return {};
    return PreviewParameters::fromPreset(b->transform->presets.value(m_preset))
        .toPresetYaml(name.isEmpty() ? m_preset : name);
}

} // namespace mort
