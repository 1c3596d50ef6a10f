#pragma once
// A read-only, random-access view of the body part of a file: local-meta
// files start with a metadata header, and streaming/range code must see the
// body alone (position 0 = first body byte, size() = body size).
#include <QFile>
#include <QIODevice>

#include <memory>

namespace mort {

class FileBodyDevice : public QIODevice
{
    Q_OBJECT
public:
    // Takes an open file; the view covers [offset, offset + length). Opens
    // itself ReadOnly|Unbuffered (the file does the I/O; no second buffer).
    FileBodyDevice(std::unique_ptr<QFile> file, qint64 offset, qint64 length, QObject *parent = nullptr);
    ~FileBodyDevice() override;

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    std::unique_ptr<QFile> m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace mort
