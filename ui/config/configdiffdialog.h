#pragma once
// Asks before Apply: the change to the running config as a line diff.
#include <QDialog>

class QPlainTextEdit;

namespace mort {

class ConfigDiffDialog : public QDialog
{
    Q_OBJECT
public:
    ConfigDiffDialog(const QString &running, const QString &edited, QWidget *parent = nullptr);
    QString shownDiff() const; // the text shown, as "-"/"+"/" " lines
    bool hasChanges() const { return m_changed; }

private:
    QPlainTextEdit *m_view;
    bool m_changed = false;
};

} // namespace mort
