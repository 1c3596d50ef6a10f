#include "ui/shared/language.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace mort {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");
QString g_shown = QStringLiteral("en"); // the language installed at start

} // namespace

QStringList studioLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("pl"), QStringLiteral("de")};
}

QString savedLanguage()
{
    const QString code = QSettings().value(kSettingsKey).toString();
    return studioLanguages().contains(code) ? code : QString();
}

void saveLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

QString installStudioTranslator(const QString &code)
{
    static QTranslator *installed = nullptr;
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    g_shown = QStringLiteral("en");
    if (code == QLatin1String("en"))
        return g_shown;
    auto translator = std::make_unique<QTranslator>();
    // "" follows the system: the first of its UI languages that has a file wins.
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!translator->load(locale, QStringLiteral("mortstudio"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->isEmpty()) // mortstudio.qm, the untranslated template, is no language
        return g_shown;
    g_shown = translator->language().left(2);
    installed = translator.release();
    QCoreApplication::installTranslator(installed);
    return g_shown;
}

QMenu *addLanguageMenu(QMainWindow *window)
{
    QMenuBar *bar = window->menuBar();
    auto *settings = new QMenu(QCoreApplication::translate("LanguageMenu", "S&ettings"), window);
    settings->setObjectName(QStringLiteral("settingsMenu"));
    QMenu *language = settings->addMenu(QCoreApplication::translate("LanguageMenu", "&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(language);
    const QString saved = savedLanguage();
    // Language names in their own language (so anyone can find theirs); not translated.
    const QList<QPair<QString, QString>> choices{
        {QString(),
         QCoreApplication::translate("LanguageMenu", "System (%1)").arg(QLocale::system().nativeLanguageName())},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("pl"), QStringLiteral("Polski")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto &[code, name] : choices) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == saved);
        action->setData(code);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, window, [window, code = code] {
            if (code == savedLanguage())
                return;
            saveLanguage(code);
            QMessageBox::information(
                window, QCoreApplication::translate("LanguageMenu", "Language"),
                QCoreApplication::translate("LanguageMenu", "The new language applies when Mort Studio starts again."));
        });
    }
    language->addSeparator();
    QAction *note = language->addAction(QCoreApplication::translate("LanguageMenu", "Applies at the next start"));
    note->setEnabled(false);
    const QList<QAction *> top = bar->actions();
    if (top.isEmpty())
        bar->addMenu(settings);
    else
        bar->insertMenu(top.last(), settings); // before Help
    return settings;
}

} // namespace mort
