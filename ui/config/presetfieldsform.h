#pragma once
// The page of one preset of the Config tab: quality and format, then its
// filters as operations in the order the engine applies them (add, remove,
// and the fields of the one selected). Values show as the YAML has them, the
// engine's issues under their field; edits go out as fieldEdited() /
// fieldsEdited() with key paths below the preset ("filters.thumbnail.width"),
// and the panel rewrites the text, so keys the page does not know stay.
#include "config/config.h"

#include <QPair>
#include <QStringList>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;

namespace mort {

class KeyFieldsForm;

class PresetFieldsForm : public QWidget
{
    Q_OBJECT
public:
    explicit PresetFieldsForm(QWidget *parent = nullptr);

    // Which preset (title), its values as the engine read them (`parsed`, null
    // when the text does not parse) and `value(field)`, the text at a key path
    // below the preset as written (kept: selecting an operation reads it).
    void showPreset(const QString &bucket, const QString &preset, const PresetConfig *parsed,
                    const std::function<QString(const QStringList &)> &value);
    // Issues whose key path is inside this preset, shown under their field
    // (the rest under the title). Key paths are whole ("buckets.b.transform.presets.p.quality").
    void showIssues(const QList<ConfigIssue> &issues);
    QString bucket() const { return m_bucket; }
    QString preset() const { return m_preset; }

    // The filters listed, in the engine's order, and the one selected.
    QStringList shownOperations() const;
    QString selectedOperation() const;
    bool selectOperation(const QString &filter);
    // What the engine answers for every request of this preset ("" when it can
    // make its transforms: a bad format or watermark answers 400).
    QString engineProblem() const;

    // Tests: set a field as a person typing in it would; a `filters.<op>.<key>`
    // field selects its operation first (it must be on).
    bool setFieldValue(const QStringList &field, const QString &value);
    QString issueText(const QStringList &field) const;
    // Tests: the Add menu's entry and the Remove button, as clicked.
    bool addOperation(const QString &filter);
    bool removeSelectedOperation();

Q_SIGNALS:
    void fieldEdited(const QStringList &field, const QString &value); // "" = remove the key
    void
    fieldsEdited(const QList<QPair<QStringList, QString>> &fields); // one edit of several keys (an operation added)

private:
    struct Row
    {
        QStringList field;
        QWidget *editor = nullptr;
        QLabel *issue = nullptr;
    };
    QString textOf(const Row &row) const;
    void addRow(const QStringList &field, const QString &label, QWidget *editor, const QString &toolTip);
    QString presetPath() const;
    void showOperations(const std::function<QString(const QStringList &)> &value);
    void showSelectedOperation();
    void updateAddMenu();

    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_generalIssue;
    QLabel *m_engineProblem;
    QList<Row> m_rows;
    QListWidget *m_operations;
    QToolButton *m_add;
    QPushButton *m_remove;
    QLabel *m_noOperation;
    KeyFieldsForm *m_operationForm;
    std::function<QString(const QStringList &)> m_value; // of the text last shown
    QList<ConfigIssue> m_issues;
    QString m_bucket;
    QString m_preset;
    QStringList m_on;       // the filters on, in the engine's order (of the last text whose preset parsed)
    QString m_selected;     // the filter selected, kept across the re-show after each edit
    bool m_showing = false; // showPreset() fills the editors: no fieldEdited()
};

} // namespace mort
