#include "ui/config/bucketpathtester.h"

#include "client/pathtester.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mort {

BucketPathTester::BucketPathTester(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_transform(new QLabel(this)), m_url(new QLineEdit(this)),
      m_result(new QLabel(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_transform->setWordWrap(true);
    m_transform->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_url->setPlaceholderText(tr("Paste a URL or path, e.g. /demo/small/photo.jpg"));
    m_url->setClearButtonEnabled(true);

    auto *hint = new QLabel(tr("Forms for the bucket's transform, storages and keys come in a later version; "
                               "edit them in the YAML view. The tester follows the YAML as you type."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_transform);
    layout->addWidget(new QLabel(tr("Test a URL:"), this));
    layout->addWidget(m_url);
    layout->addWidget(m_result);
    layout->addWidget(hint);
    layout->addStretch(1);
    connect(m_url, &QLineEdit::textChanged, this, &BucketPathTester::test);
}

void BucketPathTester::showBucket(const ConfigPtr &config, const QString &bucket)
{
    m_config = config;
    const bool other = bucket != m_bucket;
    m_bucket = bucket;
    m_title->setText(tr("Bucket %1").arg(bucket));
    const BucketConfig *b = config ? config->bucket(bucket) : nullptr;
    if (!b || !b->transform)
        m_transform->setText(tr("No transform: objects are served as stored."));
    else
        m_transform->setText(
            tr("Transform kind: %1\nPath regex: %2")
                .arg(b->transform->kind, b->transform->path.isEmpty() ? tr("(none)") : b->transform->path));
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
