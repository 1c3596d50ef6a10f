#include "ui/config/bucketpage.h"

#include "client/configkeyedit.h"
#include "ui/config/bucketkeysbox.h"
#include "ui/config/bucketpathtester.h"
#include "ui/config/configformfields.h"
#include "ui/config/keyfieldsform.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace mort {

BucketPage::BucketPage(QWidget *parent)
    : QWidget(parent), m_transform(new KeyFieldsForm), m_keys(new BucketKeysBox), m_tester(new BucketPathTester)
{
    auto *inner = new QWidget;
    auto *column = new QVBoxLayout(inner);
    column->setContentsMargins(0, 0, 0, 0);
    m_transform->setScrollsOwnRows(false); // the page scrolls as one
    column->addWidget(m_transform);
    column->addWidget(m_keys);
    column->addWidget(m_tester);
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void BucketPage::showBucket(const QString &text, const ConfigPtr &config, const QString &bucket)
{
    m_bucket = bucket;
    const QStringList base{QStringLiteral("buckets"), bucket, QStringLiteral("transform")};
    m_transform->showFields(
        tr("Bucket %1").arg(bucket), base.join(u'.'), ConfigFormFields::bucketFields(),
        tr("The bucket's transform: how a URL names a transform of an original. Presets, storages and other "
           "keys (headers, glacier, limits) stay as written; presets and storages have their own pages."),
        [&](const QStringList &key) { return ConfigKeyEdit::value(text, base + key); },
        [&](const QStringList &key) { return ConfigKeyEdit::present(text, base + key); });
    m_keys->showKeys(bucket, BucketKeysEdit::keys(text, bucket));
    m_tester->showBucket(config, bucket);
}

void BucketPage::showIssues(const QList<ConfigIssue> &issues)
{
    m_transform->showIssues(issues);
    m_keys->showIssues(issues);
}

} // namespace mort
