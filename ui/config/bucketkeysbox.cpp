#include "ui/config/bucketkeysbox.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mort {

BucketKeysBox::BucketKeysBox(QWidget *parent)
    : QGroupBox(tr("Access keys"), parent), m_grid(new QGridLayout), m_add(new QPushButton(tr("Add key"), this)),
      m_empty(new QLabel(tr("No keys in this bucket."), this)), m_issues(new QLabel(this))
{
    setToolTip(tr("The pairs requests to this bucket are signed with, the S3 way (AWS signature)"));
    m_empty->setEnabled(false);
    m_issues->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_issues->setWordWrap(true);
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->hide();
    m_add->setToolTip(tr("Add a pair; type its access key and secret"));
    m_grid->addWidget(new QLabel(tr("Access key"), this), 0, 0);
    m_grid->addWidget(new QLabel(tr("Secret key"), this), 0, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    layout->addWidget(m_empty);
    layout->addWidget(m_issues);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &BucketKeysBox::addKey);
}

void BucketKeysBox::showKeys(const QString &bucket, const QList<BucketKeyText> &keys)
{
    const bool rebuildRows = bucket != m_bucket || keys.size() != m_rows.size();
    m_bucket = bucket;
    m_keys = keys;
    if (rebuildRows) {
        rebuild();
        return;
    }
    // The same pairs after a text edit: new values, the same editors (one may have the focus).
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).access->text() != keys.at(i).accessKey)
            m_rows.at(i).access->setText(keys.at(i).accessKey);
        if (m_rows.at(i).secret->text() != keys.at(i).secretAccessKey)
            m_rows.at(i).secret->setText(keys.at(i).secretAccessKey);
    }
}

void BucketKeysBox::rebuild()
{
    for (const Row &row : std::as_const(m_rows)) {
        for (QWidget *w : {static_cast<QWidget *>(row.access), static_cast<QWidget *>(row.secret),
                           static_cast<QWidget *>(row.remove)}) {
            m_grid->removeWidget(w);
            w->hide();
            w->deleteLater(); // later: its signal may be running
        }
    }
    m_rows.clear();
    for (int i = 0; i < m_keys.size(); ++i) {
        Row row{new QLineEdit(m_keys.at(i).accessKey, this), new QLineEdit(m_keys.at(i).secretAccessKey, this),
                new QPushButton(tr("Remove"), this)};
        row.access->setObjectName(QStringLiteral("accessKey%1").arg(i));
        row.access->setPlaceholderText(tr("access key"));
        row.secret->setObjectName(QStringLiteral("secretAccessKey%1").arg(i));
        row.secret->setPlaceholderText(tr("secret"));
        row.secret->setEchoMode(QLineEdit::Password); // no secret on screen or in a screenshot
        row.secret->setToolTip(
            tr("Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}"));
        row.remove->setToolTip(tr("Remove this pair"));
        m_grid->addWidget(row.access, i + 1, 0);
        m_grid->addWidget(row.secret, i + 1, 1);
        m_grid->addWidget(row.remove, i + 1, 2);
        connect(row.access, &QLineEdit::editingFinished, this, &BucketKeysBox::edited);
        connect(row.secret, &QLineEdit::editingFinished, this, &BucketKeysBox::edited);
        connect(row.remove, &QPushButton::clicked, this, [this, i] { removeKey(i); });
        m_rows.append(row);
    }
    m_empty->setVisible(m_keys.isEmpty());
}

void BucketKeysBox::edited()
{
    QList<BucketKeyText> keys;
    for (const Row &row : std::as_const(m_rows))
        keys.append(BucketKeyText{row.access->text().trimmed(), row.secret->text()});
    if (keys == m_keys)
        return; // focus left without a change: the text keeps its quoting
    m_keys = keys;
    Q_EMIT keysEdited(m_bucket, keys);
}

void BucketKeysBox::addKey()
{
    QList<BucketKeyText> keys = m_keys;
    keys.append(BucketKeyText{});
    Q_EMIT keysEdited(m_bucket, keys); // the text comes back through showKeys()
}

void BucketKeysBox::removeKey(int index)
{
    if (index < 0 || index >= m_keys.size())
        return;
    QList<BucketKeyText> keys = m_keys;
    keys.removeAt(index);
    Q_EMIT keysEdited(m_bucket, keys);
}

void BucketKeysBox::setKey(int index, const QString &accessKey, const QString &secretAccessKey)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows.at(index).access->setText(accessKey);
    m_rows.at(index).secret->setText(secretAccessKey);
    edited();
}

QLineEdit *BucketKeysBox::secretEditor(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).secret : nullptr;
}

void BucketKeysBox::showIssues(const QList<ConfigIssue> &issues)
{
    const QString base = QStringLiteral("buckets.%1.keys").arg(m_bucket);
    QStringList lines;
    for (const ConfigIssue &issue : issues) {
        if (issue.keyPath == base || issue.keyPath.startsWith(base + u'[') || issue.keyPath.startsWith(base + u'.'))
            lines << issue.keyPath.mid(base.size() - 4) + QStringLiteral(": ") + issue.message;
    }
    m_issues->setText(lines.join(u'\n'));
    m_issues->setVisible(!lines.isEmpty());
}

QString BucketKeysBox::issueText() const
{
    return m_issues->text();
}

} // namespace mort
