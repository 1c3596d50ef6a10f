// Issue 21 (item 3): the Config tab's Open..., Save and Save As... Every config
// in the repository (the demo, the packaged one, the examples, the tests' and
// the fuzz corpus' configs) opened and saved unchanged has the same meaning
// (both files parsed, compared as trees) and the same bytes; a form edit
// changes that one value and keeps comments and unknown keys; unsaved edits
// ask before they are replaced.
#include "client/localengineclient.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetfieldsform.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace mort;

namespace {

// Same tree: kinds, scalars, map keys in any order, sequences in order.
bool sameTree(const YAML::Node &a, const YAML::Node &b, const QString &path, QString &why)
{
    if (a.Type() != b.Type()) {
        why = path + QStringLiteral(": node kinds differ");
        return false;
    }
    if (a.IsScalar() && a.Scalar() != b.Scalar()) {
        why = path
            + QStringLiteral(": %1 != %2").arg(QString::fromStdString(a.Scalar()), QString::fromStdString(b.Scalar()));
        return false;
    }
    if (a.IsSequence()) {
        if (a.size() != b.size()) {
            why = path + QStringLiteral(": list lengths differ");
            return false;
        }
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!sameTree(a[i], b[i], path + QStringLiteral("[%1]").arg(i), why))
                return false;
    }
    if (a.IsMap()) {
        if (a.size() != b.size()) {
            why = path + QStringLiteral(": key counts differ");
            return false;
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            const std::string key = it->first.as<std::string>();
            const YAML::Node other = b[key];
            if (!other.IsDefined()) {
                why = path + QStringLiteral(".%1: missing").arg(QString::fromStdString(key));
                return false;
            }
            if (!sameTree(it->second, other, path + QLatin1Char('.') + QString::fromStdString(key), why))
                return false;
        }
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList repositoryConfigs()
{
    QStringList out;
    for (const char *dir : {"resources", "packaging", "tests"}) {
        QDirIterator it(QStringLiteral(MORT_SOURCE_DIR "/") + QLatin1String(dir), {"*.yml", "*.yaml"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // Ours only: npm packages installed for the tests bring their own YAML.
            if (!path.contains(QLatin1String("/node_modules/")))
                out << path;
        }
    }
    out.sort();
    return out;
}

} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(repositoryConfigs().size() >= 10, qPrintable(repositoryConfigs().join(u'\n')));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : repositoryConfigs())
            QTest::newRow(qPrintable(QDir(QStringLiteral(MORT_SOURCE_DIR)).relativeFilePath(path))) << path;
    }
    void roundTrip()
    {
        QFETCH(QString, path);
        LocalEngineClient client(std::make_shared<const Config>(),
                                 QString()); // not started: no engine is needed to edit a file
        ConfigPanel panel(&client);
        ConfigFileBar *file = panel.fileBar();
        QVERIFY(file->openFile(path));
        QCOMPARE(file->filePath(), path);
        QVERIFY(!file->isModified());
        const QString saved = m_dir.filePath(QStringLiteral("saved.yml"));
        QVERIFY(file->saveTo(saved));
        QCOMPARE(file->filePath(), saved);
        QCOMPARE(readAll(saved), readAll(path)); // comments, order, unknown keys: byte for byte
        YAML::Node original;
        try {
            original = YAML::LoadFile(path.toStdString());
        } catch (const YAML::Exception &) {
            // Fuzz seeds a parser must refuse (deep nesting): the copy is refused too.
            QVERIFY_THROWS_EXCEPTION(YAML::Exception, YAML::LoadFile(saved.toStdString()));
            return;
        }
        QString why;
        QVERIFY2(sameTree(original, YAML::LoadFile(saved.toStdString()), QString(), why), qPrintable(why));
    }

    void formEditKeepsTheRest()
    {
        // The demo config through the preset form: one value changes, the
        // comments and every other key stay.
        const QString demo = QStringLiteral(MORT_SOURCE_DIR "/resources/demo/mort.yml");
        qputenv("MORT_DEMO_IMAGES", m_dir.path().toUtf8()); // the demo's ${...} folders
        qputenv("MORT_DEMO_CACHE", m_dir.path().toUtf8());
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        QVERIFY(panel.fileBar()->openFile(demo));
        const Config parsed = [&] {
            QList<ConfigIssue> ignored;
            return ConfigLoader::parse(panel.editedText(), ignored);
        }();
        QVERIFY(!parsed.buckets.isEmpty());
        const QString bucket = parsed.buckets.firstKey();
        QVERIFY(parsed.buckets.first().transform && !parsed.buckets.first().transform->presets.isEmpty());
        const QString preset = parsed.buckets.first().transform->presets.firstKey();
        QVERIFY(panel.selectPreset(bucket, preset));
        QVERIFY(panel.presetForm()->setFieldValue({QStringLiteral("quality")}, QStringLiteral("42")));
        QVERIFY(panel.fileBar()->isModified());
        const QString saved = m_dir.filePath(QStringLiteral("demo-edited.yml"));
        QVERIFY(panel.fileBar()->saveTo(saved));
        QVERIFY(!panel.fileBar()->isModified());

        YAML::Node before = YAML::LoadFile(demo.toStdString());
        const YAML::Node after = YAML::LoadFile(saved.toStdString());
        const std::string b = bucket.toStdString(), p = preset.toStdString();
        QCOMPARE(after["buckets"][b]["transform"]["presets"][p]["quality"].as<int>(), 42);
        before["buckets"][b]["transform"]["presets"][p]["quality"] = 42;
        QString why;
        QVERIFY2(sameTree(before, after, QString(), why), qPrintable(why));
        for (const QByteArray &line : readAll(demo).split('\n')) {
            if (line.trimmed().startsWith('#'))
                QVERIFY2(readAll(saved).contains(line), line.constData());
        }
    }

    void unsavedEditsAsk()
    {
        const QString path = m_dir.filePath(QStringLiteral("ask.yml"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# mine\nserver:\n  listens: [\"127.0.0.1:0\"]\n");
        }
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        ConfigFileBar *file = panel.fileBar();
        QVERIFY(file->openFile(path));
        panel.setEditedText(panel.editedText() + QStringLiteral("  logLevel: debug\n"));
        QVERIFY(file->isModified());

        int asked = 0;
        file->setPrompt([&asked] {
            ++asked;
            return QMessageBox::Cancel;
        });
        QVERIFY(!file->maybeSave()); // Cancel: the caller stops, the edits stay
        QVERIFY(panel.editedText().contains(QStringLiteral("logLevel: debug")));
        file->setPrompt([&asked] {
            ++asked;
            return QMessageBox::Save;
        });
        QVERIFY(file->maybeSave()); // Save: written to its file
        QCOMPARE(asked, 2);
        QVERIFY(readAll(path).endsWith("  logLevel: debug\n"));
        QVERIFY(file->maybeSave()); // nothing unsaved: no question
        QCOMPARE(asked, 2);

        // No file yet: Save asks where (Save As); an empty answer saves nothing.
        file->setBaseline(QString(), QString());
        QString chosen;
        file->setFileChooser([&chosen](bool save) { return save ? chosen : QString(); });
        QVERIFY(!file->save());
        chosen = m_dir.filePath(QStringLiteral("new.yml"));
        QVERIFY(file->save());
        QCOMPARE(file->filePath(), chosen);
        QCOMPARE(readAll(chosen), panel.editedText().toUtf8());

        // A file that cannot be written: told, and still unsaved.
        panel.setEditedText(panel.editedText() + QStringLiteral("# more\n"));
        QSignalSpy message(file, &ConfigFileBar::message);
        QVERIFY(!file->saveTo(m_dir.filePath(QStringLiteral("no/such/dir/x.yml"))));
        QVERIFY(message.last().at(1).toBool());
        QVERIFY(file->isModified());
    }
};

QTEST_MAIN(TestConfigFile)
#include "tst_configfile.moc"
