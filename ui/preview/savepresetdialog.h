#pragma once
// "Save as preset": asks for the preset's name. It starts empty, so that
// Ctrl+S, Enter, Enter can never overwrite a live preset; an empty name or
// one the check refuses gets a message in the dialog, which stays open; a
// name that exists is replaced only after a prompt whose default is "No".
#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace mort {

class SavePresetDialog : public QDialog
{
    Q_OBJECT
public:
    // Why `name` cannot be saved, saying which names work; "" = it can.
    using Check = std::function<QString(const QString &name)>;
    // True when the bucket already has a preset of that name.
    using Exists = std::function<bool(const QString &name)>;

    SavePresetDialog(const QString &bucket, const QString &configFile, Check check, Exists exists,
                     QWidget *parent = nullptr);

    QString name() const; // trimmed
    bool replacing() const { return m_replacing; }
    QString problem() const; // the message shown, "" = none

public Q_SLOTS:
    void accept() override; // checks first; stays open when the name cannot be saved

private:
    void showProblem(const QString &text);

    QString m_bucket;
    QString m_configFile;
    Check m_check;
    Exists m_exists;
    QLineEdit *m_name;
    QLabel *m_problem;
    bool m_replacing = false;
};

} // namespace mort
