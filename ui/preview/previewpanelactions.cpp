// PreviewPanel, its actions: the menu entries with their shortcuts, whether
// the image actions apply, Copy URL / Copy YAML and the contact sheet.
#include "ui/preview/previewpanel.h"

#include "client/engineclient.h"
#include "ui/preview/contactsheetdialog.h"
#include "ui/preview/presetroute.h"
#include "ui/shared/elidedlabel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QPushButton>

namespace mort {

void PreviewPanel::buildMenuActions()
{
    // The shortcuts live on the actions (not the buttons): they work while the
    // panel is shown, and the window's menu lists them (issue 25).
    auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_menuActions << action;
        return action;
    };
    add(tr("&Open image…"), QKeySequence::Open, &PreviewPanel::openFileDialog);
    m_openFromBucketAction = add(tr("Open image from &bucket…"), {}, &PreviewPanel::openFromBucketDialog);
    m_saveAction = add(tr("&Save as preset…"), QKeySequence::Save, &PreviewPanel::savePresetDialog);
    m_saveAction->setObjectName(QStringLiteral("savePresetAction"));
    m_copyUrlAction = add(tr("Copy &URL"), {}, &PreviewPanel::copyUrl);
    m_contactSheetAction = add(tr("&Contact sheet…"), {}, &PreviewPanel::showContactSheet);
    m_openFromBucketAction->setEnabled(hasBucketSource());
    m_menuActions << m_compareArea->zoomActions(); // Zoom in / out: Ctrl+= and Ctrl+-
}

void PreviewPanel::updateImageActions()
{
    const bool image = !m_controller->source().isEmpty();
    const QString why = tr("Open an image first (Ctrl+O)");
    m_copyUrlButton->setEnabled(image);
    m_contactSheetButton->setEnabled(image);
    m_copyUrlAction->setEnabled(image);
    m_contactSheetAction->setEnabled(image);
    m_copyUrlButton->setToolTip(image ? tr("Copy the server's URL that returns this image") : why);
    m_contactSheetButton->setToolTip(
        image ? tr("Every preset of the bucket on this image, side by side; exportable as PNG") : why);
    if (!image)
        m_infoLabel->setFullText(tr("No image open: open one (Ctrl+O), pick one from the bucket or drop it here."));
}

void PreviewPanel::showContactSheet()
{
    if (m_controller->source().isEmpty()) {
        showNote(tr("Open an image first: the contact sheet applies every preset to it."));
        return;
    }
    auto *dialog = new ContactSheetDialog(this);
    dialog->renderer()->setEngineClient(m_client);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->start(m_controller->config(), m_controller->bucket(), m_controller->source(), m_controller->sourceName());
    dialog->show();
}

void PreviewPanel::copyUrl()
{
    const QString url = m_controller->requestUrl();
    if (url.isEmpty()) {
        showNote(tr("No URL for this preset: the bucket's transform.path does not use "
                    "/bucket/<preset>/<key> or /bucket/<key>/<preset>."));
        return;
    }
    const QString base = serverBaseUrl(m_controller->config());
    const QString copied = base.isEmpty() ? url : base + url;
    QApplication::clipboard()->setText(copied);
    showNote(tr("Copied %1 to the clipboard. The server answers it once %2 is stored in bucket %3.")
                 .arg(copied, m_controller->sourceName(), m_controller->bucket()));
}

void PreviewPanel::copyYaml()
{
    QApplication::clipboard()->setText(m_controller->presetYaml());
}

} // namespace mort
