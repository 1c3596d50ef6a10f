#pragma once
// Open..., Save and Save As... for the Config tab's YAML (issue 21). The file
// is written exactly as the YAML view holds it: comments, key order, quoting,
// keys the studio does not know and blank lines stay byte for byte, since the
// forms rewrite only the lines of the value they change. Replacing unsaved
// edits (Open, Load running config, closing the window) asks first.
// Secrets typed into the config go to the keychain and the file gets
// ${MORT_SECRET_...} references (ConfigSecretKeeper); the YAML view then
// shows the text as saved.
#include "ui/config/configsecretkeeper.h"

#include <QMessageBox>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace mort {

class ConfigPanel;

class ConfigFileBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConfigFileBar(ConfigPanel *panel);

    QString filePath() const { return m_path; }
    // The editor's text differs from what was last opened, saved or loaded.
    bool isModified() const;
    // What the editor's text is compared with, and the file Save writes
    // ("" = none: Save asks for one). The panel sets it on Load running config.
    void setBaseline(const QString &text, const QString &path);

    // Without dialogs (the dialogs' answers, tests). Each reports through message().
    bool openFile(const QString &path);
    bool saveTo(const QString &path);
    // Unsaved edits: Save, Discard or Cancel. True when the caller may go on.
    bool maybeSave();

    // Tests answer the prompt and the file dialogs (save = Save As).
    void setPrompt(std::function<QMessageBox::StandardButton()> prompt) { m_prompt = std::move(prompt); }
    void setFileChooser(std::function<QString(bool save)> chooser) { m_chooser = std::move(chooser); }
    // Tests answer "no keychain: write the .env file?".
    void setSecretsFallback(ConfigSecretKeeper::Fallback fallback) { m_secretsFallback = std::move(fallback); }

public Q_SLOTS:
    void open();
    bool save();
    bool saveAs();

Q_SIGNALS:
    void message(const QString &text, bool problem);
    void fileChanged(const QString &path);

private:
    void updateName();
    QString choose(bool save);

    ConfigPanel *m_panel;
    QLabel *m_name;
    QPushButton *m_open;
    QPushButton *m_save;
    QPushButton *m_saveAs;
    QString m_path;
    QString m_baseline;
    std::function<QMessageBox::StandardButton()> m_prompt;
    std::function<QString(bool)> m_chooser;
    ConfigSecretKeeper::Fallback m_secretsFallback;
};

} // namespace mort
