#include "ui/preview/contactsheetdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mort {

ContactSheetDialog::ContactSheetDialog(QWidget *parent)
    : QDialog(parent), m_image(new QLabel), m_status(new QLabel), m_save(new QPushButton(tr("Save PNG…")))
{
    setWindowTitle(tr("Contact sheet"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_image);
    scroll->setWidgetResizable(false);
    scroll->setAlignment(Qt::AlignCenter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    m_save->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ContactSheetDialog::saveDialog);
    connect(&m_renderer, &ContactSheetRenderer::tileReady, this, [this] { recompose(); });
    connect(&m_renderer, &ContactSheetRenderer::finished, this, [this](const QList<ContactSheetTile> &tiles) {
        recompose();
        m_save->setEnabled(!tiles.isEmpty());
        const int n = int(tiles.size());
        m_status->setText(n == 0       ? tr("This bucket has no presets.")
                              : n == 1 ? tr("1 preset rendered by the server's pipeline.")
                                       : tr("%n presets rendered by the server's pipeline.", nullptr, n));
    });
    resize(1100, 760);
}

void ContactSheetDialog::start(ConfigPtr config, const QString &bucket, const QByteArray &source,
                               const QString &sourceName)
{
    m_title = tr("%1 — every preset of bucket %2").arg(sourceName, bucket);
    m_save->setEnabled(false);
    m_status->setText(tr("Rendering…"));
    m_renderer.start(std::move(config), bucket, source);
    recompose();
}

void ContactSheetDialog::recompose()
{
    m_sheet = composeContactSheet(m_renderer.tiles(), m_title);
    m_image->setPixmap(QPixmap::fromImage(m_sheet));
    m_image->resize(m_sheet.size());
}

bool ContactSheetDialog::saveTo(const QString &path)
{
    if (m_sheet.isNull() || !m_sheet.save(path, "PNG")) {
        m_status->setText(tr("Could not write %1: check the folder exists and is writable.").arg(path));
        return false;
    }
    m_status->setText(tr("Saved %1.").arg(path));
    return true;
}

void ContactSheetDialog::saveDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save contact sheet"),
                                                      QStringLiteral("contact-sheet.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty())
        saveTo(path);
}

} // namespace mort
