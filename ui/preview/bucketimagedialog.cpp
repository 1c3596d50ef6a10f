#include "ui/preview/bucketimagedialog.h"

#include "client/engineclient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mort {

BucketImageDialog::BucketImageDialog(EngineClient *client, const QString &bucket, QWidget *parent)
    : QDialog(parent), m_client(client), m_bucket(bucket), m_filter(new QLineEdit), m_list(new QListWidget),
      m_status(new QLabel(tr("Listing…")))
{
    setWindowTitle(tr("Open an image from bucket %1").arg(bucket));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(520, 560);

    connect(m_filter, &QLineEdit::textChanged, this, &BucketImageDialog::showKeys);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto openCurrent = [this] {
        if (const QListWidgetItem *item = m_list->currentItem())
            openKey(item->text());
    };
    connect(buttons, &QDialogButtonBox::accepted, this, openCurrent);
    connect(m_list, &QListWidget::itemActivated, this, openCurrent);

    if (!m_client)
        return;
    m_client->listObjects(bucket, kListLimit, this, [this](const Expected<QStringList> &keys) {
        if (!keys) {
            m_status->setText(tr("Cannot list bucket %1: %2").arg(m_bucket, keys.error().publicMessage));
            return;
        }
        for (const QString &key : *keys) {
            if (looksLikeImage(key))
                m_keys.append(key);
        }
        showKeys();
        Q_EMIT listed(m_keys);
    });
}

bool BucketImageDialog::looksLikeImage(const QString &key)
{
    static const QStringList suffixes{QStringLiteral(".jpg"),  QStringLiteral(".jpeg"), QStringLiteral(".png"),
                                      QStringLiteral(".webp"), QStringLiteral(".gif"),  QStringLiteral(".tif"),
                                      QStringLiteral(".tiff"), QStringLiteral(".avif"), QStringLiteral(".heic"),
                                      QStringLiteral(".heif"), QStringLiteral(".bmp")};
    for (const QString &suffix : suffixes) {
        if (key.endsWith(suffix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void BucketImageDialog::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QStringList BucketImageDialog::shownKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_list->count(); ++row)
        keys << m_list->item(row)->text();
    return keys;
}

void BucketImageDialog::showKeys()
{
    m_list->clear();
    const QString filter = m_filter->text().trimmed();
    for (const QString &key : std::as_const(m_keys)) {
        if (filter.isEmpty() || key.contains(filter, Qt::CaseInsensitive))
            m_list->addItem(key);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_status->setText(m_keys.isEmpty()
                          ? tr("No images in bucket %1.").arg(m_bucket)
                          : tr("%1 of %n images shown.", nullptr, int(m_keys.size())).arg(m_list->count()));
}

void BucketImageDialog::openKey(const QString &key)
{
    m_status->setText(tr("Reading %1…").arg(key));
    if (!m_client)
        return;
    m_client->readObject(m_bucket, key, this, [this, key](const Expected<QByteArray> &bytes) {
        if (!bytes) {
            m_status->setText(
                tr("Cannot read %1: %2")
                    .arg(key, bytes.error().detail.isEmpty() ? bytes.error().publicMessage : bytes.error().detail));
            return;
        }
        Q_EMIT imageRead(key, *bytes);
        accept();
    });
}

} // namespace mort
