#include "ui/preview/previewcontroller.h"

#include "ui/preview/presetroute.h"
#include "ui/preview/previewimagecache.h"

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

PreviewController::PreviewController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<mort::PreviewInfo>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewController::startRender);
}

PreviewController::~PreviewController()
{
    m_debounce.stop();
    m_cancel.cancel(); // answers still on their way are dropped with this object
}

void PreviewController::setEngineClient(EngineClient *client)
{
    m_client = client;
    if (!m_source.isEmpty())
        setSource(m_source, m_sourceName); // decode it through the new engine
    else
        requestChanged();
}

void PreviewController::setConfig(ConfigPtr config, const QString &bucket)
{
    m_config = std::move(config);
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

void PreviewController::setImageCache(PreviewImageCache *cache)
{
    m_images = cache;
}

void PreviewController::setSource(const QByteArray &bytes, const QString &name)
{
    m_source = bytes;
    m_sourceName = name;
    const quint64 generation = ++m_sourceGeneration;
    const QByteArray key =
        m_images && !bytes.isEmpty() ? PreviewImageCache::sourceKey(bytes, kMaxSourceDisplaySide) : QByteArray();
    if (const PreviewImageCache::Decoded *kept = key.isEmpty() ? nullptr : m_images->find(key)) {
        // Shown again (a recent image, the compared preset's source): no decode.
        // Delivered from the event loop, as a decode would be.
        QMetaObject::invokeMethod(
            this,
            [this, generation, decoded = *kept, size = bytes.size()] {
                if (generation == m_sourceGeneration)
                    Q_EMIT sourceDecoded(decoded.image, decoded.width, decoded.height, size);
            },
            Qt::QueuedConnection);
    } else if (m_client && !bytes.isEmpty()) {
        setRunning(+1);
        m_client->decodeForDisplay(
            bytes, true, kMaxSourceDisplaySide, this,
            [this, generation, key, size = bytes.size()](const Expected<QImage> &image) {
                setRunning(-1);
                if (!image) {
                    if (generation == m_sourceGeneration)
                        Q_EMIT failed(image.error().httpStatus == 415 || image.error().httpStatus == 422
                                          ? tr("This file is not an image the server reads. %1").arg(openAnotherHint())
                                          : failureMessage(image.error()));
                    return;
                }
                if (m_images && !key.isEmpty())
                    m_images->insert(key, {*image, image->width(), image->height()});
                if (generation != m_sourceGeneration)
                    return; // another source was opened meanwhile
                // Stored size after EXIF orientation, as the transforms see it.
                Q_EMIT sourceDecoded(*image, image->width(), image->height(), size);
            });
    }
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
    if (!m_client || !m_config || m_source.isEmpty()) {
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

    PreviewInfo info;
    info.presetName = m_preset;
    info.query = m_preset.isEmpty() ? m_parameters.toQuery() : QByteArray();
    PreviewRequest request;
    request.bucket = m_bucket;
    request.preset = info.presetName;
    request.query = info.query;
    request.source = m_source;
    m_client->renderForDisplay(request, m_cancel, this,
                               [this, generation = m_generation, info](const Expected<DisplayedRender> &result) {
                                   finishRender(generation, result, info);
                               });
}

void PreviewController::finishRender(quint64 generation, const Expected<DisplayedRender> &result, PreviewInfo info)
{
    --m_rendersInFlight;
    setRunning(-1);
    if (generation != m_generation)
        return; // superseded by a newer request
    if (!result) {
        Q_EMIT failed(failureMessage(result.error()));
        return;
    }
    const RenderedPreview &image = result->result;
    info.image = image;
    info.format = formatOf(image.contentType);
    info.width = image.width;
    info.height = image.height;
    info.bytes = image.body.size();
    info.sourceBytes = image.sourceBytes;
    info.ratio = image.sourceBytes > 0 ? double(info.bytes) / double(image.sourceBytes) : 0.0;
    info.renderMs = image.renderMs;
    Q_EMIT rendered(result->image, info);
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
