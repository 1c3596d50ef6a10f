#pragma once
// The Activity tab's filter over LogModel: a minimum level and a search text
// (case-insensitive, in the message or the category).
#include <QSortFilterProxyModel>

namespace mort {

class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumLevel(int rank); // LogModel::levelRank(); 0 = everything
    int minimumLevel() const { return m_minimumLevel; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 0;
    QString m_search;
};

} // namespace mort
