#pragma once
// "Preview": a designer opens one of their images, picks a preset of the
// current config or composes query operations, and sees before/after side by
// side as the server would serve it, with the result's format, size, bytes and
// render time, and the URL or preset YAML to copy.
//
// The panel wires its parts together: the form (PreviewForm), the
// before/after area (CompareArea), and the flows in their own files:
// opening images (previewpanelopen.cpp), saving presets
// (previewpanelsave.cpp), the menu actions, copy and contact sheet
// (previewpanelactions.cpp).
#include "config/config.h"
#include "config/configeditor.h"
#include "ui/preview/bucketimagedialog.h"
#include "ui/preview/comparearea.h"
#include "ui/preview/previewcontroller.h"
#include "ui/preview/previewparameters.h"

#include <functional>
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace mort {

class ElidedLabel;
class EngineClient;
class PreviewForm;
class PreviewImageCache;
struct ObjectProbe;
class SplitCompareView;

class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    using Zoom = CompareArea::Zoom;
    // How before and after are shown: two synchronised views, one frame with
    // a divider, or one frame flipped between them.
    using ViewMode = CompareArea::ViewMode;

    explicit PreviewPanel(QWidget *parent = nullptr);
    ~PreviewPanel() override;

    // Presets, limits and watermark storage come from `config`.
    void setConfig(ConfigPtr config);
    // Asks the engine for its running config (a remote server's, when
    // attached) and shows its buckets and presets; configLoaded() follows, or
    // the reason in the panel.
    void loadConfigFromEngine();
    // First impression: opens the first image of the current bucket (sorted
    // by key) when none is open yet; without one the empty state stays
    // (Open image, or pick from the bucket). The studio calls it at start.
    void openFirstBucketImage();
    // Where "Save preset" writes (the file `config` was loaded from) and how the
    // running server picks the new config up (the embedded engine's hot
    // reload); no file = saving is off.
    using ConfigApplier = std::function<Expected<void>(const QString &yaml)>;
    void setConfigFile(const QString &path, ConfigApplier applyToServer = {});
    QString configFile() const { return m_configFile; }
    // Saves what the preview shows (the preset, or the form's parameters) as
    // preset `name` of the current bucket into the config file, validated,
    // then applies it to the server and selects it. No dialogs. Refused
    // (nothing written) when no URL of the bucket can reach that name.
    // `servedPath`: the request path that serves it ("/demo/name/photo.jpg").
    Expected<PresetEdit> savePreset(const QString &name, QString *servedPath = nullptr);
    // The engine that renders, decodes, lists and reads the bucket's images
    // ("Open from bucket") and, after saving, is asked whether it really
    // serves the new preset. Unset: nothing renders.
    void setEngineClient(EngineClient *client);
    QString noteText() const;
    // Loads an image file as the source; false (and a message in the panel) on failure.
    bool openFile(const QString &path);
    // Image bytes from elsewhere (a bucket); `name` is the key shown and used in URLs.
    void openBytes(const QByteArray &bytes, const QString &name, const QString &where);
    // Selects a preset of the current bucket ("" = custom query parameters);
    // false when the bucket has no such preset.
    bool selectPreset(const QString &name);
    void setParameters(const PreviewParameters &parameters);
    void setZoom(Zoom zoom);
    void setViewMode(ViewMode mode);
    // What the left ("before") side shows: the original ("") or another
    // preset of the bucket rendered on the same image (compare two presets).
    bool setCompareWith(const QString &preset);
    QString compareWith() const { return m_comparePreset; }
    PreviewController *compareController() { return m_compare; }
    SplitCompareView *splitView() const { return m_compareArea->splitView(); }
    // The before/after views with their shared zoom and pan.
    CompareArea *compareArea() const { return m_compareArea; }
    QString beforeTitle() const;
    // The recent-images menu, newest first (full paths).
    QStringList recentFiles() const;

    PreviewController *controller() { return m_controller; }
    // Decoded sources kept to be shown again; emptied while the tab is hidden.
    PreviewImageCache *imageCache() const { return m_images; }
    // Open image, Open from bucket, Save as preset, Copy URL, Contact sheet, Zoom in/out:
    // with their shortcuts, for the window's menu (they also work without one).
    QList<QAction *> menuActions() const { return m_menuActions; }
    QString infoText() const;

public Q_SLOTS:
    void openFileDialog();
    // Lists the current bucket's images; the chosen one becomes the source.
    BucketImageDialog *openFromBucketDialog();
    void copyUrl();
    void copyYaml();
    // Asks for a new name (empty to start; refused with a message when no URL
    // reaches it), confirms replacing (default No), saves, then says "served"
    // only once the engine answered the preset's URL.
    void savePresetDialog();
    // Every preset of the bucket on the current image, in a dialog that saves PNG.
    void showContactSheet();
    // Attached: saves what the preview shows as preset `name` of the bucket
    // into the remote server's running config (the server edits its own
    // text, validates, applies and writes it where it may); the note says
    // what happened, engineSaveFinished() follows.
    void savePresetToEngine(const QString &name);

Q_SIGNALS:
    void configLoaded();
    void engineSaveFinished(bool saved);

protected:
    void hideEvent(QHideEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QLayout *buildTopRow();
    QLayout *buildBottomRow();
    void refillBuckets();
    void refillPresets();
    void onRendered(const QImage &preview, const PreviewInfo &info);
    void onFailed(const QString &message);
    void showBefore(const QImage &image, const QString &title);
    void refillRecentFiles();
    void refillCompare();
    void updateSaveButton();
    void buildMenuActions();
    // Copy URL and Contact sheet need an image; without one the info line says how to open one.
    void updateImageActions();
    // Width/Height reach up to the bucket's limits.maxOutputDimension; more is refused with a note.
    int maxOutputDimension() const;
    void applyOutputLimit();
    void sizeRefused(const QString &field, qint64 typed);
    void showNote(const QString &text);
    // The edit that would save `name`, validated, not written; `servedPath`:
    // the URL that reaches it under the new config, "" = none does.
    Expected<PresetEdit> presetEdit(const QString &name, QString *servedPath) const;
    // Why no URL reaches `name`, which names do, and a close one that works.
    QString unreachableName(const QString &name) const;
    // Saving goes to a remote engine (attached, no local config file).
    bool savesToEngine() const;
    QString saveTarget() const; // the file, or the server saved to
    Expected<PresetEdit> engineEdit(const QString &name, QString *servedPath) const;
    void onObjectProbed(const ObjectProbe &probe);
    bool hasBucketSource() const;

    PreviewImageCache *m_images = nullptr;
    PreviewController *m_controller = nullptr;
    PreviewController *m_compare = nullptr; // renders the compared preset
    QString m_comparePreset;                // "" = the original on the left
    QImage m_sourceImage;                   // the decoded original
    QString m_sourceTitle;
    QComboBox *m_compareCombo = nullptr;
    QComboBox *m_viewCombo = nullptr;
    CompareArea *m_compareArea = nullptr;
    PreviewForm *m_form = nullptr;
    QToolButton *m_openButton = nullptr;
    ElidedLabel *m_fileLabel = nullptr;
    QComboBox *m_bucketCombo = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QComboBox *m_zoomCombo = nullptr;
    ElidedLabel *m_infoLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    ElidedLabel *m_urlLabel = nullptr;
    QPushButton *m_copyUrlButton = nullptr;
    QPushButton *m_copyYamlButton = nullptr;
    QPushButton *m_savePresetButton = nullptr;
    QPushButton *m_contactSheetButton = nullptr;
    QList<QAction *> m_menuActions;
    QAction *m_openFromBucketAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_contactSheetAction = nullptr;
    QString m_configFile;
    ConfigApplier m_applyConfig;
    QPointer<EngineClient> m_client;
    // The saved preset whose URL the engine is being asked for.
    struct PendingProbe
    {
        QString name;
        QString path;
        QString remarks; // appended to the note
    } m_probe;
    bool m_updatingForm = false;
};

} // namespace mort
