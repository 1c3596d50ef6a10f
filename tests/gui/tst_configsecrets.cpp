// Issue 21 item 5: secrets saved from the Config tab go to the system
// keychain and the file gets ${MORT_SECRET_...} references. ctest runs this
// twice: under a private unlocked gnome-keyring (with-keyring.sh; the
// keychain cases) and with no D-Bus session at all (the no-keychain cases:
// the question, nothing plain in the YAML, the .env file at mode 0600).
#include "client/localengineclient.h"
#include "ui/config/bucketkeysbox.h"
#include "ui/config/bucketpage.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configformfields.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsecretkeeper.h"
#include "ui/config/configsecretstore.h"
#include "ui/config/keyfieldsform.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mort;

namespace {

// As typed into the editor: secrets in block and flow style, in a list, quoted
// every way, with comments and a key the studio does not know.
const QString kTyped = QStringLiteral(R"yaml(# Secrets typed into the editor (this comment stays)
server:
  listens: ["127.0.0.1:0"]
  adminToken: "admin-token-SECRET-1"   # the admin API's token
  cache:
    type: "redis"
    address: ["127.0.0.1:6379"]
    clientConfig:
      password: redis-pass-SECRET-2
buckets:
  media:
    keys:
      - accessKey: "AKIDSTUDIO"
        secretAccessKey: 'bucket-key-SECRET-3'
    storages:
      basic: {kind: "s3", accessKey: "AKIDS3", secretAccessKey: "s3-secret-SECRET-4", bucket: "b", region: "us-east-1"}
      transform:
        kind: "s3"
        secretAccessKey: "${ALREADY_A_REFERENCE}"
        unknownKey: kept   # not the studio's
)yaml");

struct TypedSecret
{
    QString name;
    QString value;
    QString written; // the value as typed in kTyped
};

const QList<TypedSecret> kSecrets{
    {QStringLiteral("MORT_SECRET_SERVER_ADMINTOKEN"), QStringLiteral("admin-token-SECRET-1"),
     QStringLiteral("\"admin-token-SECRET-1\"")},
    {QStringLiteral("MORT_SECRET_SERVER_CACHE_CLIENTCONFIG_PASSWORD"), QStringLiteral("redis-pass-SECRET-2"),
     QStringLiteral("redis-pass-SECRET-2")},
    {QStringLiteral("MORT_SECRET_BUCKETS_MEDIA_KEYS_0_SECRETACCESSKEY"), QStringLiteral("bucket-key-SECRET-3"),
     QStringLiteral("'bucket-key-SECRET-3'")},
    {QStringLiteral("MORT_SECRET_BUCKETS_MEDIA_STORAGES_BASIC_SECRETACCESSKEY"), QStringLiteral("s3-secret-SECRET-4"),
     QStringLiteral("\"s3-secret-SECRET-4\"")},
};

// kTyped with each secret's characters replaced by its quoted reference, every other byte the same.
QByteArray expectedFile()
{
    QString text = kTyped;
    for (const TypedSecret &s : kSecrets)
        text.replace(s.written, QStringLiteral("\"${%1}\"").arg(s.name));
    return text.toUtf8();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool haveKeyring()
{
    return !qEnvironmentVariableIsEmpty("MORT_TEST_KEYRING");
}

} // namespace

class TestConfigSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The editor holding kTyped, saved to `path` through the file bar.
    bool saveTyped(const QString &path, const ConfigSecretKeeper::Fallback &fallback, QString *shown = nullptr)
    {
        LocalEngineClient client(std::make_shared<const Config>(), QString()); // editing needs no engine
        ConfigPanel panel(&client);
        panel.setEditedText(kTyped);
        panel.fileBar()->setSecretsFallback(fallback);
        QString said;
        connect(panel.fileBar(), &ConfigFileBar::message, this, [&said](const QString &text, bool) { said = text; });
        const bool saved = panel.fileBar()->saveTo(path);
        if (shown)
            *shown = said;
        // The view shows what the file holds; nothing is left to save.
        if (saved && (panel.editedText().toUtf8() != readAll(path) || panel.fileBar()->isModified()))
            return false;
        return saved;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void extractKeepsEveryOtherByte()
    {
        const SecretExtraction out = ConfigSecrets::extract(kTyped);
        QVERIFY(out.problems.isEmpty());
        QCOMPARE(out.text.toUtf8(), expectedFile());
        QCOMPARE(out.secrets.size(), kSecrets.size());
        for (int i = 0; i < kSecrets.size(); ++i) {
            QCOMPARE(out.secrets.at(i).name, kSecrets.at(i).name);
            QCOMPARE(out.secrets.at(i).value, kSecrets.at(i).value);
        }
        // Loaded, the references expand to the secrets again.
        QList<ConfigIssue> issues;
        const QHash<QString, QString> env{{kSecrets.at(3).name, kSecrets.at(3).value}};
        const QString expanded = ConfigLoader::expandEnvironment(out.text, [&env](const QString &n) { return env[n]; });
        QVERIFY(expanded.contains(QLatin1String("secretAccessKey: \"s3-secret-SECRET-4\"")));
        // Nothing left to move: the same text, no secret.
        const SecretExtraction again = ConfigSecrets::extract(out.text);
        QCOMPARE(again.text, out.text);
        QVERIFY(again.secrets.isEmpty());
        // The admin API's mask is not a secret to keep.
        QVERIFY(ConfigSecrets::extract(QStringLiteral("server:\n  adminToken: \"***\"\n")).secrets.isEmpty());
        // A secret over several lines cannot be moved: a problem, nothing taken.
        const SecretExtraction block =
            ConfigSecrets::extract(QStringLiteral("server:\n  adminToken: |\n    line one\n    line two\n"));
        QCOMPARE(block.problems.size(), 1);
        QCOMPARE(block.problems.constFirst().keyPath, QStringLiteral("server.adminToken"));
        QVERIFY(block.secrets.isEmpty());
    }

    void secretFieldsAreMasked()
    {
        KeyFieldsForm form;
        form.showFields(
            QStringLiteral("basic"), QStringLiteral("buckets.media.storages.basic"),
            ConfigFormFields::storageFields(QStringLiteral("s3")), QString(),
            [](const QStringList &) { return QStringLiteral("s3-secret-SECRET-4"); },
            [](const QStringList &) { return true; });
        auto *secret = form.findChild<QLineEdit *>(QStringLiteral("secretAccessKey"));
        QVERIFY(secret);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("accessKey"))->echoMode(), QLineEdit::Normal);
    }

    void savedToTheKeychain()
    {
        if (!haveKeyring())
            QSKIP("needs the test keyring: run through ctest (tests/gui/with-keyring.sh)");
        const QString path = m_dir.filePath(QStringLiteral("keychain.yml"));
        QString shown;
        QVERIFY(saveTyped(
            path, [](const QString &) { return false; }, &shown)); // never asked
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes, expectedFile());
        QVERIFY(!bytes.contains("SECRET-")); // no secret in the bytes on disk
        QVERIFY(!QFile::exists(ConfigSecretKeeper::envFilePath(path)));
        QVERIFY2(shown.contains(QLatin1String("keychain")), qPrintable(shown));
        for (const TypedSecret &s : kSecrets) {
            QVERIFY(!shown.contains(s.value));
            QString value;
            QCOMPARE(ConfigSecretStore::read(s.name, &value), QString());
            QCOMPARE(value, s.value);
            // This studio's own engine (Apply) finds them at once.
            QCOMPARE(qEnvironmentVariable(s.name.toLatin1().constData()), s.value);
        }
        // The environment wins: a name set from outside is not read from the keychain.
        const QString first = kSecrets.constFirst().name;
        qputenv(first.toLatin1().constData(), "from-the-environment");
        qunsetenv(kSecrets.at(1).name.toLatin1().constData());
        QVERIFY(ConfigSecretStore::exportMissing(QString::fromUtf8(bytes)).isEmpty());
        QCOMPARE(qEnvironmentVariable(first.toLatin1().constData()), QStringLiteral("from-the-environment"));
        QCOMPARE(qEnvironmentVariable(kSecrets.at(1).name.toLatin1().constData()), kSecrets.at(1).value);
        // Delete works; a missing entry is then a warning naming the variable, not its value.
        for (const TypedSecret &s : kSecrets) {
            QCOMPARE(ConfigSecretStore::remove(s.name), QString());
            QString value;
            QCOMPARE(ConfigSecretStore::read(s.name, &value), QString());
            QVERIFY(value.isEmpty());
            qunsetenv(s.name.toLatin1().constData());
        }
        const QStringList warnings = ConfigSecretStore::exportMissing(QString::fromUtf8(bytes));
        QCOMPARE(warnings.size(), kSecrets.size());
        QVERIFY(warnings.constFirst().contains(kSecrets.constFirst().name));
    }

    void noKeychainAsksAndWritesAPrivateEnvFile()
    {
        if (haveKeyring())
            QSKIP("the no-keychain run of this test has no D-Bus session");
        // Cancel: nothing written at all.
        const QString path = m_dir.filePath(QStringLiteral("nokeychain.yml"));
        QString question;
        QString shown;
        QVERIFY(!saveTyped(
            path,
            [&question](const QString &text) {
                question = text;
                return false;
            },
            &shown));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(ConfigSecretKeeper::envFilePath(path)));
        QVERIFY2(shown.startsWith(QLatin1String("Not saved")), qPrintable(shown));
        // The question says what happened and what to do next, and names no value.
        for (const QString &part :
             {QStringLiteral("keychain cannot be used"), QStringLiteral("nokeychain.yml.env"), QStringLiteral("set -a"),
              QStringLiteral("EnvironmentFile="), QStringLiteral("Cancel saves nothing")})
            QVERIFY2(question.contains(part), qPrintable(question));
        for (const TypedSecret &s : kSecrets) {
            QVERIFY(question.contains(s.name));
            QVERIFY(!question.contains(s.value));
        }
        // Write the .env file: references in the YAML, the values in a 0600 file.
        QVERIFY(saveTyped(
            path, [](const QString &) { return true; }, &shown));
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes, expectedFile());
        QVERIFY(!bytes.contains("SECRET-"));
        const QString env = ConfigSecretKeeper::envFilePath(path);
        QCOMPARE(QFile(env).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray envBytes = readAll(env);
        for (const TypedSecret &s : kSecrets)
            QVERIFY(envBytes.contains(s.name.toLatin1() + "='" + s.value.toLatin1() + "'\n"));
        QVERIFY2(shown.contains(QLatin1String("set -a")), qPrintable(shown));
        // A file that was there already is made private before the secrets go in.
        QFile(env).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(saveTyped(path, [](const QString &) { return true; }));
        QVERIFY(!(QFile(env).permissions() & QFile::ReadOther));
    }

    void bucketPageSecretSaved()
    {
        // A secret typed into the bucket page's keys: Save writes its reference, not the value.
        const QString path = m_dir.filePath(QStringLiteral("bucketkeys.yml"));
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        panel.setEditedText(QStringLiteral("buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n"));
        QVERIFY(panel.selectBucket(QStringLiteral("media")));
        BucketKeysBox *keys = panel.bucketPage()->keysBox();
        keys->addKey();
        keys->setKey(0, QStringLiteral("AKIDPAGE"), QStringLiteral("page-SECRET-5"));
        QCOMPARE(keys->secretEditor(0)->echoMode(), QLineEdit::Password);
        QVERIFY(panel.editedText().contains(QStringLiteral("secretAccessKey: page-SECRET-5\n")));
        panel.fileBar()->setSecretsFallback([](const QString &) { return true; }); // no keychain: the .env file
        QVERIFY(panel.fileBar()->saveTo(path));
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes,
                 QByteArray("buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n    keys:\n      - "
                            "accessKey: AKIDPAGE\n        secretAccessKey: "
                            "\"${MORT_SECRET_BUCKETS_MEDIA_KEYS_0_SECRETACCESSKEY}\"\n"));
        const QString name = QStringLiteral("MORT_SECRET_BUCKETS_MEDIA_KEYS_0_SECRETACCESSKEY");
        if (haveKeyring()) {
            QString value;
            QCOMPARE(ConfigSecretStore::read(name, &value), QString());
            QCOMPARE(value, QStringLiteral("page-SECRET-5"));
            QCOMPARE(ConfigSecretStore::remove(name), QString());
        } else {
            QVERIFY(readAll(ConfigSecretKeeper::envFilePath(path)).contains("page-SECRET-5"));
        }
        qunsetenv(name.toLatin1().constData());
    }

    void noKeychainDialog()
    {
        if (haveKeyring())
            QSKIP("the no-keychain run of this test has no D-Bus session");
        // The real dialog: shown, saved as a picture when asked (screenshots), Cancel by default.
        const QList<ConfigSecret> secrets{{QStringLiteral("buckets.media.storages.basic.secretAccessKey"),
                                           QStringLiteral("MORT_SECRET_BUCKETS_MEDIA_STORAGES_BASIC_SECRETACCESSKEY"),
                                           QStringLiteral("s3-secret-SECRET-4")},
                                          {QStringLiteral("server.adminToken"),
                                           QStringLiteral("MORT_SECRET_SERVER_ADMINTOKEN"),
                                           QStringLiteral("admin-token-SECRET-1")}};
        const QString error = ConfigSecretStore::write(secrets); // the keychain's own words
        QVERIFY(!error.isEmpty());
        const QString text = ConfigSecretKeeper::fallbackQuestion(secrets, QStringLiteral("/etc/mort/mort.yml"), error);
        bool seen = false;
        QTimer poll; // until the dialog is up
        poll.setInterval(200);
        connect(&poll, &QTimer::timeout, this, [&seen, &poll] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            poll.stop();
            seen = box->text().contains(QLatin1String("set -a"));
            const QString shot = qEnvironmentVariable("MORT_SECRETS_SCREENSHOT");
            if (!shot.isEmpty())
                box->grab().save(shot);
            box->button(QMessageBox::Cancel)->click();
        });
        poll.start();
        QVERIFY(!ConfigSecretKeeper::askFallback(nullptr, text));
        QVERIFY(seen);
    }
};

QTEST_MAIN(TestConfigSecrets)
#include "tst_configsecrets.moc"
