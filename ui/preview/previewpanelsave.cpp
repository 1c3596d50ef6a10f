// PreviewPanel, saving: "Save as preset" into the config file the studio runs
// on (embedded), or into a remote server's running config through its admin
// API (attached), and the check that the engine serves what was saved.
#include "ui/preview/previewpanel.h"

#include "client/engineclient.h"
#include "object/presettransforms.h"
#include "ui/preview/presetroute.h"
#include "ui/preview/savepresetdialog.h"

#include <QAction>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace mort {

void PreviewPanel::setConfigFile(const QString &path, ConfigApplier applyToServer)
{
    m_configFile = path;
    m_applyConfig = std::move(applyToServer);
    updateSaveButton();
}

void PreviewPanel::updateSaveButton()
{
    const ConfigPtr config = m_controller->config();
    const BucketConfig *bucket = config ? config->bucket(m_controller->bucket()) : nullptr;
    const QString kind = bucket && bucket->transform ? bucket->transform->kind : QString();
    const bool presetKind = kind == QLatin1String("presets") || kind == QLatin1String("presets-query");
    m_savePresetButton->setEnabled((!m_configFile.isEmpty() || savesToEngine()) && presetKind);
    m_saveAction->setEnabled(m_savePresetButton->isEnabled());
    if (m_configFile.isEmpty() && !savesToEngine())
        m_savePresetButton->setToolTip(tr("Saving needs a config file: start the studio with --config FILE"));
    else if (!presetKind)
        m_savePresetButton->setToolTip(tr("This bucket's transform kind \"%1\" has no presets; pick a bucket "
                                          "of kind presets or presets-query")
                                           .arg(kind));
    else
        m_savePresetButton->setToolTip(tr("Save these settings as a preset of bucket %1 in %2 (Ctrl+S)")
                                           .arg(m_controller->bucket(), saveTarget()));
}

bool PreviewPanel::savesToEngine() const
{
    return m_configFile.isEmpty() && m_client && !m_client->controlsServer() && m_client->canSavePresets();
}

QString PreviewPanel::saveTarget() const
{
    return savesToEngine() ? m_client->description() : m_configFile;
}

Expected<PresetEdit> PreviewPanel::engineEdit(const QString &name, QString *servedPath) const
{
    // The server edits and validates its own text (its secrets never come
    // here); the studio only checks where the name would be served: the
    // running config with that preset name added, through the bucket's parser.
    const QString bucket = m_controller->bucket();
    const ConfigPtr running = m_controller->config();
    const BucketConfig *b = running ? running->bucket(bucket) : nullptr;
    if (!b || !b->transform)
        return Error::client("preview.save_refused", 422, tr("The preset was not saved"),
                             tr("bucket %1 has no presets").arg(bucket));
    if (m_controller->presetYaml(name).isEmpty())
        return Error::client("preview.save_refused", 422, tr("The preset was not saved"),
                             tr("nothing to save: pick a preset or set some parameters"));
    // The preset as the server will read it: the snippet, parsed the same way.
    QList<ConfigIssue> issues;
    QString snippet = m_controller->presetYaml(name);
    snippet.replace(QLatin1Char('\n'), QStringLiteral("\n      "));
    const Config parsed = ConfigLoader::parse(
        QStringLiteral("buckets:\n  p:\n    transform:\n      kind: presets\n      ") + snippet, issues);
    const BucketConfig *p = parsed.bucket(QStringLiteral("p"));
    if (!p || !p->transform || !p->transform->presets.contains(name))
        return Error::client("preview.save_refused", 422, tr("The preset was not saved"),
                             tr("these settings do not make a preset the server reads"));
    auto config = std::make_shared<Config>(*running);
    TransformConfig &transform = *config->buckets[bucket].transform;
    PresetEdit edit;
    edit.replacedExisting = transform.presets.contains(name);
    transform.presets.insert(name, p->transform->presets.value(name));
    edit.config = config;
    if (servedPath) {
        *servedPath = QString();
        for (const QString &key : {m_controller->sourceName(), QStringLiteral("image.jpg")}) {
            *servedPath = presetRequestPath(edit.config, bucket, name, key);
            if (!servedPath->isEmpty())
                break;
        }
    }
    return edit;
}

void PreviewPanel::savePresetToEngine(const QString &name)
{
    QString served;
    const Expected<PresetEdit> edit = presetEdit(name, &served);
    const QString target = saveTarget();
    if (!edit || served.isEmpty()) {
        showNote(tr("Preset \"%1\" was not saved: %2.").arg(name, edit ? unreachableName(name) : edit.error().detail));
        Q_EMIT engineSaveFinished(false);
        return;
    }
    const QString bucket = m_controller->bucket();
    showNote(tr("Saving preset \"%1\" on %2…").arg(name, target));
    m_client->savePreset(
        bucket, m_controller->presetYaml(name), this,
        [this, name, bucket, served, target](const Expected<SavedPreset> &saved) {
            if (!saved) {
                showNote(tr("Preset \"%1\" was not saved on %2: %3 %4 Check the parameters, or the server's log.")
                             .arg(name, target, saved.error().publicMessage, saved.error().detail));
                Q_EMIT engineSaveFinished(false);
                return;
            }
            m_controller->setConfig(saved->config, bucket);
            refillBuckets();
            refillPresets();
            selectPreset(name);
            const QString kept = saved->writtenTo.isEmpty()
                ? tr("It is in the server's running config only: the server may not write its "
                     "config file, so add the preset there to keep it after a restart.")
                : tr("The server also wrote it to %1 (the old file is %1.bak).").arg(saved->writtenTo);
            showNote(tr("Saved preset \"%1\" on %2: it serves %3. %4").arg(name, target, served, kept));
            Q_EMIT engineSaveFinished(true);
        });
}

Expected<PresetEdit> PreviewPanel::presetEdit(const QString &name, QString *servedPath) const
{
    const auto refused = [](const QString &detail) {
        return Error::client("preview.save_refused", 422, tr("The preset was not saved"), detail);
    };
    if (m_configFile.isEmpty() && !savesToEngine())
        return refused(tr("no config file: start the studio with --config FILE"));
    if (name.trimmed().isEmpty() || name.contains(u'/'))
        return refused(tr("the preset needs a name without '/', e.g. thumb_small"));
    if (savesToEngine())
        return engineEdit(name.trimmed(), servedPath);
    QFile file(m_configFile);
    if (!file.open(QIODevice::ReadOnly))
        return refused(tr("cannot read %1: %2").arg(m_configFile, file.errorString()));
    const QString text = QString::fromUtf8(file.readAll());
    file.close();
    const QString snippet = m_controller->presetYaml(name.trimmed());
    if (snippet.isEmpty())
        return refused(tr("nothing to save: pick a preset or set some parameters"));
    Expected<PresetEdit> edit = ConfigEditor::setPreset(text, m_controller->bucket(), snippet, m_configFile);
    if (!edit)
        return edit;
    // A preset without one operation transforms nothing: no URL would ever show it.
    const PresetTransforms transforms(*edit->config);
    if (const Expected<Transforms> *t = transforms.find(m_controller->bucket(), name.trimmed());
        t && t->ok() && t->value().isEmpty())
        return refused(tr("nothing to save: these settings change nothing; pick a preset or check an operation"));
    if (servedPath) {
        // The bucket's own URL parser on the new config: the image on show,
        // or a plain key when its name is one the parent pattern refuses.
        *servedPath = QString();
        for (const QString &key : {m_controller->sourceName(), QStringLiteral("image.jpg")}) {
            *servedPath = presetRequestPath(edit->config, m_controller->bucket(), name.trimmed(), key);
            if (!servedPath->isEmpty())
                break;
        }
    }
    return edit;
}

QString PreviewPanel::unreachableName(const QString &name) const
{
    const QString bucket = m_controller->bucket();
    const BucketConfig *config = m_controller->config() ? m_controller->config()->bucket(bucket) : nullptr;
    const QString path = config && config->transform ? config->transform->path : QString();
    const QString pattern = presetNamePattern(path);
    QString reason = pattern.isEmpty()
        ? tr("no URL of bucket %1 reaches a preset named \"%2\"; its transform.path %3 decides "
             "which names work")
              .arg(bucket, name, path)
        : tr("no URL of bucket %1 reaches a preset named \"%2\": its transform.path admits preset "
             "names matching %3 only")
              .arg(bucket, name, pattern);
    // Offer the nearest name that works, checked the same way.
    QString underscored = name.toLower();
    underscored.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_"));
    for (const QString &candidate : {name.toLower(), underscored}) {
        QString served;
        if (candidate != name && presetEdit(candidate, &served) && !served.isEmpty())
            return reason + tr("; %1 would work").arg(candidate);
    }
    return reason;
}

Expected<PresetEdit> PreviewPanel::savePreset(const QString &name, QString *servedPath)
{
    QString served;
    Expected<PresetEdit> edit = presetEdit(name, &served);
    if (!edit)
        return edit;
    // Refused before anything is written: a preset no URL reaches is never served.
    if (served.isEmpty())
        return Error::client("preview.save_refused", 422, tr("The preset was not saved"),
                             unreachableName(name.trimmed()));
    if (Expected<void> written = ConfigEditor::writeFile(m_configFile, edit->text); !written)
        return written.error();
    if (m_applyConfig) {
        if (Expected<void> applied = m_applyConfig(edit->text); !applied)
            return Error::client("preview.apply_failed", applied.error().httpStatus,
                                 tr("Saved, but the running server did not take the new config"),
                                 applied.error().publicMessage + QStringLiteral(": ") + applied.error().detail);
    }
    const QString bucket = m_controller->bucket();
    m_controller->setConfig(edit->config, bucket);
    refillBuckets();
    refillPresets();
    selectPreset(name.trimmed());
    if (servedPath)
        *servedPath = served;
    return edit;
}

void PreviewPanel::setEngineClient(EngineClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_controller->setEngineClient(client);
    m_compare->setEngineClient(client);
    if (m_client) {
        connect(m_client, &EngineClient::objectProbed, this, &PreviewPanel::onObjectProbed);
        // "Open from bucket" follows whether a remote server answers.
        connect(m_client, &EngineClient::connectionChanged, this, [this] {
            m_openFromBucketAction->setEnabled(hasBucketSource());
            refillRecentFiles();
        });
    }
    m_openFromBucketAction->setEnabled(hasBucketSource());
    refillRecentFiles();
    updateSaveButton();
}

void PreviewPanel::savePresetDialog()
{
    // A sentence for the dialog from an error detail ("no URL ..." -> "No URL ....").
    const auto sentence = [](const QString &detail) { return detail.left(1).toUpper() + detail.mid(1) + u'.'; };
    SavePresetDialog dialog(
        m_controller->bucket(), saveTarget(),
        [this, sentence](const QString &name) {
            QString served;
            const Expected<PresetEdit> edit = presetEdit(name, &served);
            if (!edit)
                return sentence(edit.error().detail);
            return served.isEmpty() ? sentence(unreachableName(name)) : QString();
        },
        [this](const QString &name) { return m_controller->presets().contains(name); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    if (savesToEngine())
        return savePresetToEngine(name);
    QString served;
    const Expected<PresetEdit> saved = savePreset(name, &served);
    if (!saved) {
        QMessageBox::warning(this, tr("Save as preset"),
                             saved.error().publicMessage + QStringLiteral(":\n") + saved.error().detail);
        return;
    }
    m_probe = {};
    m_probe.name = name;
    m_probe.path = served;
    if (dialog.replacing())
        m_probe.remarks += QLatin1Char(' ')
            + tr("Results of the old preset already in the transform storage are "
                 "still served until you delete them.");
    if (!saved->formattingKept)
        m_probe.remarks += QLatin1Char(' ')
            + tr("The file was rewritten: its comments were not kept (the old file "
                 "is %1.bak).")
                  .arg(m_configFile);
    if (!m_client) {
        showNote(tr("Saved preset \"%1\" to %2; its URL is %3.").arg(name, m_configFile, served) + m_probe.remarks);
        m_probe = {};
        return;
    }
    // "Served" is said only once the server answered (issue 25).
    showNote(tr("Saved preset \"%1\" to %2; asking the embedded server for %3…").arg(name, m_configFile, served));
    m_client->probeObject(served);
}

void PreviewPanel::onObjectProbed(const ObjectProbe &probe)
{
    if (m_probe.path.isEmpty() || probe.path != m_probe.path)
        return; // not ours, or superseded by a newer save
    const QString saved = tr("Saved preset \"%1\" to %2.").arg(m_probe.name, m_configFile);
    QString note;
    if (probe.status == 0) {
        note = saved + QLatin1Char(' ')
            + tr("Whether the embedded server serves it is unknown: %1. Open %2 to check.")
                  .arg(probe.error, probe.path);
    } else if (!probe.transformed) {
        note = saved + QLatin1Char(' ')
            + tr("But the embedded server does not serve it: GET %1 answered %2 without the preset. Restart the "
                 "studio to load %3, and check transform.path of bucket %4.")
                  .arg(probe.path)
                  .arg(probe.status)
                  .arg(m_configFile, m_controller->bucket());
    } else if (probe.status == 200) {
        note = saved + QLatin1Char(' ')
            + tr("The embedded server serves it: GET %1 answered 200, and mort-server -config %2 serves it too.")
                  .arg(probe.path, m_configFile);
    } else if (probe.status == 404) {
        note = saved + QLatin1Char(' ')
            + tr("The embedded server serves it: GET %1 reached the preset, and answered 404 only because %2 is "
                 "not in bucket %3 (upload it there to see the result).")
                  .arg(probe.path, m_controller->sourceName(), m_controller->bucket());
    } else {
        note = saved + QLatin1Char(' ')
            + tr("The embedded server reached the preset at %1 but answered %2: open that URL to see why.")
                  .arg(probe.path)
                  .arg(probe.status);
    }
    showNote(note + m_probe.remarks);
    m_probe = {};
}

} // namespace mort
