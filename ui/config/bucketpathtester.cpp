#include "ui/config/bucketpathtester.h"

#include "client/pathtester.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mort {

BucketPathTester::BucketPathTester(QWidget *parent)
    : QWidget(parent), m_transform(new QLabel(this)), m_url(new QLineEdit(this)), m_result(new QLabel(this))
{
    m_transform->setWordWrap(true);
    m_transform->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_url->setPlaceholderText(tr("Paste a URL or path, e.g. /demo/small/photo.jpg"));
    m_url->setClearButtonEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_transform);
    auto *title = new QLabel(tr("Test a URL (follows the form and the YAML as you type):"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(m_url);
    layout->addWidget(m_result);
    connect(m_url, &QLineEdit::textChanged, this, &BucketPathTester::test);
}

void BucketPathTester::showBucket(const ConfigPtr &config, const QString &bucket)
{
    m_config = config;
    const bool other = bucket != m_bucket;
    m_bucket = bucket;
    const BucketConfig *b = config ? config->bucket(bucket) : nullptr;
    // Kind and path are in the form above; without a transform, say what that means.
    m_transform->setText(tr("No transform: objects are served as stored."));
    m_transform->setVisible(!b || !b->transform);
    if (other || m_url->text().isEmpty()) {
        QString example = QStringLiteral("/%1/").arg(bucket);
        if (b && b->transform && !b->transform->presets.isEmpty())
            example += b->transform->presets.firstKey() + QStringLiteral("/");
        m_url->setText(example + QStringLiteral("photo.jpg"));
    }
    test();
}

void BucketPathTester::setUrl(const QString &url)
{
    m_url->setText(url);
}

QString BucketPathTester::resultText() const
{
    return m_result->text();
}

void BucketPathTester::test()
{
    if (m_url->text().trimmed().isEmpty()) {
        m_result->clear();
        return;
    }
    const PathTestResult r = testRequestPath(m_config, m_url->text());
    QStringList lines;
    if (!r.groups.isEmpty()) {
        QStringList groups;
        for (const auto &g : r.groups)
            groups << QStringLiteral("%1 = \"%2\"").arg(g.first, g.second);
        lines << tr("Named groups: %1").arg(groups.join(QStringLiteral(", ")));
    } else {
        lines << tr("The path regex does not match this key (no named groups).");
    }
    if (!r.error.isEmpty()) {
        lines << tr("The server answers 400: %1").arg(r.error);
        m_result->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        m_result->setStyleSheet(QString());
        if (r.transformed) {
            lines << tr("Parsed: a transform of %1 (storage %2)").arg(r.parentKey, r.parentStorage);
            lines << tr("Result key: %1 (storage %2)").arg(r.key, r.storage);
        } else {
            lines << tr("Parsed: the original %1 of bucket %2 (storage %3), no transform")
                         .arg(r.key, r.bucket, r.storage);
        }
    }
    m_result->setText(lines.join(u'\n'));
}

} // namespace mort
