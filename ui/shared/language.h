#pragma once
// The studio's language: the system locale by default, or the one picked in
// Settings > Language (kept with QSettings, applied at the next start) or
// given with --lang. Translations are embedded as :/i18n/mortstudio_<lang>.qm
// (translations/, qt_add_translations in ui/CMakeLists.txt).
#include <QString>
#include <QStringList>

class QMainWindow;
class QMenu;

namespace mort {

// Language codes the studio ships: "en" (the source language), "pl", "de".
QStringList studioLanguages();

// The saved choice: "" = follow the system locale, else one of studioLanguages().
QString savedLanguage();
void saveLanguage(const QString &code);

// Installs the studio's translator into the application for `code` ("" = the
// system locale, QLocale::system(), which reads LC_ALL / LC_MESSAGES / LANG).
// Returns the language now shown ("en" when no translation matches).
QString installStudioTranslator(const QString &code);

// Settings > Language in the window's menu bar (before Help): System, English,
// Polski, Deutsch. A choice is saved and applies when the studio starts again.
QMenu *addLanguageMenu(QMainWindow *window);

} // namespace mort
