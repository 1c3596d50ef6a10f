// PreviewPanel, opening images: files (dialog, recent list, drag and drop),
// bytes from elsewhere, the engine's config, and images of the engine's
// bucket (the dialog, or the first one as a first impression).
#include "ui/preview/previewpanel.h"

#include "client/engineclient.h"
#include "ui/preview/previewimagecache.h"
#include "ui/shared/elidedlabel.h"
#include "ui/shared/recentlist.h"

#include <algorithm>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QToolButton>

namespace mort {

namespace {

// Larger files are refused before they are read (the server's default
// limits.maxParentBytes refuses them too).
constexpr qint64 kMaxFileBytes = 64LL << 20;

} // namespace

bool PreviewPanel::openFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    QString problem;
    if (!info.isFile())
        problem = tr("%1 is not a file").arg(path);
    else if (info.size() > kMaxFileBytes)
        problem = tr("%1 is larger than %2").arg(path, QLocale().formattedDataSize(kMaxFileBytes));
    else if (!file.open(QIODevice::ReadOnly))
        problem = tr("Cannot read %1: %2").arg(path, file.errorString());
    if (!problem.isEmpty()) {
        onFailed(problem);
        return false;
    }
    RecentList::previewFiles().remember(info.absoluteFilePath());
    refillRecentFiles();
    openBytes(file.readAll(), info.fileName(), info.absoluteFilePath());
    return true;
}

void PreviewPanel::openBytes(const QByteArray &bytes, const QString &name, const QString &where)
{
    m_fileLabel->setFullText(name, where);
    m_infoLabel->setFullText(QString()); // "Rendering…" while busy
    m_controller->setSource(bytes, name);
    updateImageActions();
    if (!m_comparePreset.isEmpty())
        m_compare->setSource(m_controller->source(), m_controller->sourceName());
    m_urlLabel->setFullText(m_controller->requestUrl());
}

void PreviewPanel::loadConfigFromEngine()
{
    if (!m_client)
        return;
    m_client->readConfig(this, [this](const Expected<ConfigSnapshot> &snapshot) {
        if (!snapshot) {
            showNote(tr("Cannot read the server's config: %1. Press F5 or reattach to try again.")
                         .arg(snapshot.error().publicMessage));
            return;
        }
        setConfig(snapshot->config);
        Q_EMIT configLoaded();
    });
}

void PreviewPanel::openFirstBucketImage()
{
    if (!hasBucketSource() || !m_controller->source().isEmpty())
        return;
    const QString bucket = m_controller->bucket();
    m_client->listObjects(
        bucket, BucketImageDialog::kListLimit, this, [this, bucket](const Expected<QStringList> &keys) {
            if (!keys || !m_controller->source().isEmpty() || bucket != m_controller->bucket())
                return; // nothing to show, or the user opened something meanwhile
            const auto first = std::find_if(keys->cbegin(), keys->cend(), &BucketImageDialog::looksLikeImage);
            if (first == keys->cend())
                return;
            const QString key = *first;
            m_client->readObject(bucket, key, this, [this, bucket, key](const Expected<QByteArray> &bytes) {
                if (!bytes || !m_controller->source().isEmpty())
                    return;
                openBytes(*bytes, key.startsWith(QLatin1Char('/')) ? key.mid(1) : key,
                          tr("bucket %1: %2").arg(bucket, key));
            });
        });
}

bool PreviewPanel::hasBucketSource() const
{
    return m_client && m_client->servesImages();
}

BucketImageDialog *PreviewPanel::openFromBucketDialog()
{
    if (!hasBucketSource())
        return nullptr;
    auto *dialog = new BucketImageDialog(m_client, m_controller->bucket(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BucketImageDialog::imageRead, this, [this](const QString &key, const QByteArray &bytes) {
        // The key names the object in URLs ("/bucket/<preset>/<key>"): without its leading slash.
        const QString name = key.startsWith(QLatin1Char('/')) ? key.mid(1) : key;
        openBytes(bytes, name, tr("bucket %1: %2").arg(m_controller->bucket(), key));
    });
    dialog->show();
    return dialog;
}

void PreviewPanel::refillRecentFiles()
{
    QMenu *menu = m_openButton->menu();
    menu->clear();
    const QStringList files = RecentList::previewFiles().list();
    for (const QString &path : files) {
        QAction *open = menu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (!QFileInfo::exists(path))
                RecentList::previewFiles().forget(path); // moved or deleted: the message says so
            openFile(path);
            refillRecentFiles();
        });
        open->setToolTip(path);
    }
    if (files.isEmpty())
        menu->addAction(tr("No recent images"))->setEnabled(false);
    if (hasBucketSource()) {
        menu->addSeparator();
        menu->addAction(tr("Open from bucket…"), this, &PreviewPanel::openFromBucketDialog)
            ->setToolTip(tr("An image stored in the current bucket"));
    }
}

QStringList PreviewPanel::recentFiles() const
{
    QStringList names;
    for (const QAction *action : m_openButton->menu()->actions()) {
        if (action->isSeparator())
            break; // "Open from bucket" follows
        if (action->isEnabled())
            names << action->toolTip();
    }
    return names;
}

void PreviewPanel::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), QString(),
        tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.avif *.heic);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void PreviewPanel::hideEvent(QHideEvent *event)
{
    // Another tab (or the window minimised): the images kept to be shown
    // again go; what is on show stays, to be there when the tab comes back.
    m_images->clear();
    QWidget::hideEvent(event);
}

void PreviewPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void PreviewPanel::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace mort
