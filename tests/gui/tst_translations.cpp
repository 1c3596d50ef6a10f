// Translations (issue #24): every text a person sees in the main window and its
// tabs goes through tr() and has a Polish translation; Polish plurals take the
// right form; the system locale (LANG) picks the language. The .ts files
// themselves are checked by check_translations.py (stale, unfinished).
#include "client/localengineclient.h"
#include "previewtestsupport.h"
#include "ui/mainwindow.h"
#include "ui/shared/language.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

// One text a person reads, and where it is.
struct Shown
{
    QString where;
    QString text;
};

QString describe(const QObject *o)
{
    QString path;
    for (const QObject *p = o; p; p = p->parent())
        path.prepend(QStringLiteral("/%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName()));
    return path;
}

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>"))); // rich text
    text.remove(QLatin1Char('&'));
    return text.trimmed();
}

// The window's texts, in a stable order: both windows are built the same way,
// so the nth text of the English one is the nth of the Polish one.
QList<Shown> shownTexts(MainWindow &window)
{
    QList<Shown> out;
    auto add = [&out](const QObject *o, const QString &what, const QString &text) {
        out.append({describe(o) + QLatin1Char(' ') + what, text});
    };
    add(&window, QStringLiteral("windowTitle"), window.windowTitle());
    for (QTabWidget *tabs : window.findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            add(tabs, QStringLiteral("tab %1").arg(i), tabs->tabText(i));
            add(tabs, QStringLiteral("tab %1 tooltip").arg(i), tabs->tabToolTip(i));
        }
    }
    for (QLabel *label : window.findChildren<QLabel *>())
        add(label, QStringLiteral("text"), label->text());
    for (QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        add(button, QStringLiteral("text"), button->text());
        add(button, QStringLiteral("toolTip"), button->toolTip());
    }
    for (QGroupBox *box : window.findChildren<QGroupBox *>())
        add(box, QStringLiteral("title"), box->title());
    for (QLineEdit *edit : window.findChildren<QLineEdit *>())
        add(edit, QStringLiteral("placeholder"), edit->placeholderText());
    for (QMenu *menu : window.findChildren<QMenu *>())
        add(menu, QStringLiteral("title"), menu->title());
    for (QAction *action : window.findChildren<QAction *>()) {
        add(action, QStringLiteral("text ") + action->text(), action->text());
        if (action->toolTip() != action->text().remove(QLatin1Char('&')))
            add(action, QStringLiteral("toolTip"), action->toolTip());
    }
    return out;
}

// Texts that are the same in every language.
bool sameInEveryLanguage(const QString &text)
{
    const QString t = plain(text);
    if (!t.contains(QRegularExpression(QStringLiteral("\\p{L}"))))
        return true; // numbers, symbols, empty
    static const QStringList names{
        QStringLiteral("Mort Studio"), QStringLiteral("Mort"),    QStringLiteral("libvips"), QStringLiteral("English"),
        QStringLiteral("Polski"),      QStringLiteral("Deutsch"), // each in its own language
        QStringLiteral("MiB"),         QStringLiteral("KiB"),     QStringLiteral("GiB"),     QStringLiteral("Token:"),
        QStringLiteral("Bucket:"),     QStringLiteral("Preset:"), QStringLiteral("Sigma"),   QStringLiteral("Format")};
    if (names.contains(t))
        return true;
    // Units after a number, URLs, paths, addresses, keys and names of the config.
    static const QRegularExpression data(QStringLiteral(
        "^[\\d.,\\s]+\\s?(B|KiB|MiB|GiB|ms|s|min|px|%)$|://|^/|^[\\w.-]+:\\d+|^[a-z0-9_./-]+$|^Mort Studio — "));
    return data.match(t).hasMatch();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QList<Shown> windowTexts(const QString &lang)
    {
        installStudioTranslator(lang);
        auto config = mort::test::previewConfig();
        LocalEngineClient client(config, m_dir.filePath(QStringLiteral("test.yml")));
        MainWindow window(&client);
        addLanguageMenu(&window);
        window.enablePreview(config);
        client.start();
        window.show();
        QList<Shown> texts;
        // Every tab once, as a person would look at it.
        for (int tab = MainWindow::StatusTab; tab <= MainWindow::PreviewTab; ++tab) {
            window.setCurrentTab(tab);
            QTest::qWait(50);
        }
        window.setCurrentTab(MainWindow::StatusTab);
        texts = shownTexts(window);
        client.stop();
        return texts;
    }

private Q_SLOTS:
    void systemLocaleChoosesTheLanguage()
    {
        // main() set LANG=pl_PL.UTF-8 before the application read the locale.
        QCOMPARE(QLocale::system().language(), QLocale::Polish);
        QCOMPARE(installStudioTranslator(QString()), QStringLiteral("pl"));
        QCOMPARE(QCoreApplication::translate("mort::MainWindow", "Preview"), QStringLiteral("Podgląd"));
        QCOMPARE(installStudioTranslator(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("mort::MainWindow", "Preview"), QStringLiteral("Vorschau"));
        QCOMPARE(installStudioTranslator(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("mort::MainWindow", "Preview"), QStringLiteral("Preview"));
    }

    void polishPluralForms_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("entries");
        QTest::addColumn<QString>("samples");
        QTest::newRow("1") << 1 << "1 wpis"
                           << "1 próbka";
        QTest::newRow("2") << 2 << "2 wpisy"
                           << "2 próbki";
        QTest::newRow("5") << 5 << "5 wpisów"
                           << "5 próbek";
        QTest::newRow("12") << 12 << "12 wpisów"
                            << "12 próbek";
        QTest::newRow("22") << 22 << "22 wpisy"
                            << "22 próbki";
        QTest::newRow("25") << 25 << "25 wpisów"
                            << "25 próbek";
    }

    void polishPluralForms()
    {
        QFETCH(int, n);
        QFETCH(QString, entries);
        QFETCH(QString, samples);
        QCOMPARE(installStudioTranslator(QStringLiteral("pl")), QStringLiteral("pl"));
        QCOMPARE(QCoreApplication::translate("mort::CacheBrowserPanel", "%n entries", nullptr, n), entries);
        QCOMPARE(QCoreApplication::translate("mort::DashboardPanel", "%n samples", nullptr, n), samples);
        installStudioTranslator(QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("mort::CacheBrowserPanel", "%n entries", nullptr, n),
                 n == 1 ? QStringLiteral("1 Eintrag") : QStringLiteral("%1 Einträge").arg(n));
        installStudioTranslator(QStringLiteral("en"));
    }

    // Under the Polish translator, no text of the window or its tabs may still
    // be the English one: that text escaped tr() or lacks a translation.
    void everyShownTextIsTranslated()
    {
        const QList<Shown> english = windowTexts(QStringLiteral("en"));
        const QList<Shown> polish = windowTexts(QStringLiteral("pl"));
        installStudioTranslator(QStringLiteral("en"));
        QCOMPARE(polish.size(), english.size());
        QStringList untranslated;
        for (qsizetype i = 0; i < english.size(); ++i) {
            if (english[i].text.isEmpty() || english[i].text != polish[i].text || sameInEveryLanguage(english[i].text))
                continue;
            untranslated << QStringLiteral("%1: \"%2\"").arg(english[i].where, english[i].text);
        }
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("English text under the Polish translator (wrap it in tr(), then "
                                           "`cmake --build build/ci --target update_translations` and translate):\n")
                            + untranslated.join(QLatin1Char('\n'))));
        QVERIFY(english.size() > 100); // the walk saw the window
    }
};

int main(int argc, char *argv[])
{
    // The studio follows the system locale: as if started with LANG=pl_PL.UTF-8.
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    qputenv("LANG", "pl_PL.UTF-8");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MortStudioTest"));
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
