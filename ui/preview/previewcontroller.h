#pragma once
// Drives one preview: the source image, what to apply (a preset of the config
// or query parameters), and the renders. Every change restarts a short
// debounce timer; when it fires, the engine renders it through its own
// pipeline (EngineClient::renderPreview: the embedded engine, or a remote
// mort-server's admin API) and decodes the result for display. A newer request
// supersedes older ones: each change bumps a generation counter, the running
// render is cancelled through its CancelToken, and results of older
// generations are dropped. Nothing here blocks the GUI thread.
#include "client/engineclient.h"
#include "config/config.h"
#include "core/cancellation.h"
#include "ui/preview/previewparameters.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace mort {

class PreviewImageCache;

// What one delivered render produced.
struct PreviewInfo
{
    QString format; // "jpeg", "webp", ...
    int width = 0;  // px of the result
    int height = 0;
    qint64 bytes = 0;       // size of the result body
    qint64 sourceBytes = 0; // size of the source
    double ratio = 0;       // bytes / sourceBytes
    double renderMs = 0;    // the engine's render time (passes + libvips)
    QString presetName;     // the preset rendered; "" = query parameters
    QByteArray query;       // the query rendered (when presetName is empty)
    RenderedPreview image;  // the exact bytes the server would send
};

class PreviewController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultDebounceMs = 150;
    // Longest side of the decoded "before" image (memory bound for huge originals).
    static constexpr int kMaxSourceDisplaySide = 4096;

    explicit PreviewController(QObject *parent = nullptr);
    ~PreviewController() override; // cancels its renders

    // The engine that renders (and decodes for display); none = nothing renders.
    void setEngineClient(EngineClient *client);
    // Where decoded sources are kept to be shown again without decoding (none = not kept).
    void setImageCache(PreviewImageCache *cache);
    EngineClient *engineClient() const { return m_client; }

    // The config whose presets and limits are used; `bucket` picks the
    // presets, limits and watermark storage (empty = first bucket with presets,
    // else the first bucket).
    void setConfig(ConfigPtr config, const QString &bucket = {});
    void setBucket(const QString &bucket);
    ConfigPtr config() const { return m_config; }
    QString bucket() const { return m_bucket; }
    // Buckets of the config / presets of the current bucket, sorted.
    QStringList buckets() const;
    QStringList presets() const;

    // Source image bytes; `name` is the key used for URLs ("photo.jpg").
    void setSource(const QByteArray &bytes, const QString &name);
    QByteArray source() const { return m_source; }
    QString sourceName() const { return m_sourceName; }

    // Query mode: render these parameters.
    void setParameters(const PreviewParameters &parameters);
    PreviewParameters parameters() const { return m_parameters; }
    // Preset mode: render this preset of the bucket ("" = back to query mode).
    void setPreset(const QString &name);
    QString preset() const { return m_preset; }

    void setDebounceMs(int ms);
    int debounceMs() const { return m_debounce.interval(); }
    // Starts the pending render now instead of when the debounce fires.
    void renderNow();

    // The URL the server answers with the same image: "/bucket/key?query" in
    // query mode; in preset mode "/bucket/<preset>/key" or "/bucket/key/<preset>"
    // when the bucket's transform.path resolves it to that preset, else "".
    QString requestUrl() const;
    // The `presets:` YAML of the current parameters, or of the preset's
    // parameters in preset mode (named `name`, default the preset's name or "preview").
    QString presetYaml(const QString &name = {}) const;

    bool isBusy() const { return m_running > 0 || m_debounce.isActive(); }
    quint64 generation() const { return m_generation; }
    int rendersStarted() const { return m_started; }
    int rendersCancelled() const { return m_cancelled; }

Q_SIGNALS:
    // The "before" image, decoded for display (EXIF orientation applied).
    void sourceDecoded(const QImage &image, int width, int height, qint64 bytes);
    void rendered(const QImage &preview, const mort::PreviewInfo &info);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    void requestChanged();
    void startRender();
    void finishRender(quint64 generation, const Expected<DisplayedRender> &result, PreviewInfo info);
    void setRunning(int delta);
    void updateBusy();

    ConfigPtr m_config;
    QPointer<EngineClient> m_client;
    QPointer<PreviewImageCache> m_images;
    QString m_bucket;
    QByteArray m_source;
    QString m_sourceName;
    quint64 m_sourceGeneration = 0;
    PreviewParameters m_parameters;
    QString m_preset;

    QTimer m_debounce;
    quint64 m_generation = 0;  // bumped by every change
    CancelToken m_cancel;      // of the newest dispatched render
    int m_running = 0;         // engine calls (renders + source decodes) not yet answered
    int m_rendersInFlight = 0; // renders among them
    int m_started = 0;
    int m_cancelled = 0;
    bool m_busy = false; // last busyChanged() value
};

} // namespace mort

Q_DECLARE_METATYPE(mort::PreviewInfo)
