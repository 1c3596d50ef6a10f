#pragma once
// Shows the contact sheet of one photo (every preset of the bucket, rendered
// as the server would) as it fills in, and saves it as a PNG.
#include "config/config.h"
#include "ui/preview/contactsheet.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace mort {

class ContactSheetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ContactSheetDialog(QWidget *parent = nullptr);

    void start(ConfigPtr config, const QString &bucket, const QByteArray &source, const QString &sourceName);
    ContactSheetRenderer *renderer() { return &m_renderer; }
    QImage sheet() const { return m_sheet; }
    // Writes the sheet; false (and the reason in the dialog) on failure.
    bool saveTo(const QString &path);

public Q_SLOTS:
    void saveDialog();

private:
    void recompose();

    ContactSheetRenderer m_renderer;
    QString m_title;
    QImage m_sheet;
    QLabel *m_image;
    QLabel *m_status;
    QPushButton *m_save;
};

} // namespace mort
