#pragma once
// A download that can be read while it is still arriving. The network
// storages (s3, http) write the body of a GET into a SpoolWriter: a temporary
// file, so memory stays flat whatever the object size, and the origin is read
// at its own speed however slow the client. Readers read the same file from
// their own offset, each through its own descriptor, so one can outlive the
// writer (the client keeps downloading after the storage call returned).
//
// Why not hand the client the temporary file once it is complete: the first
// byte of a 1 GiB original would then wait for the last one to arrive.
#include "storage/storage.h"

#include <QTemporaryFile>

#include <memory>

namespace mort {

struct SpoolState;

// Write side, on the thread that runs the download. It is a QTemporaryFile,
// so the transfer code writes, seeks and resizes it like any file sink, and
// once finished it can be handed out as the whole body (positioned at 0).
class SpoolWriter : public QTemporaryFile
{
public:
    SpoolWriter();
    ~SpoolWriter() override; // a body never finish()ed is failed for its readers

    bool openSpool(); // read-write, unbuffered: what is written is readable at once

    // The response head said the body that follows is the object (2xx):
    // once contenttype::SniffLength bytes of it are in (so a reader can sniff
    // them), `early` is called once, from writeData(), with the metadata and a
    // reader at offset 0. Moving the reader out of the callback keeps it; from
    // then on, when every reader kept that way is gone the download stops
    // (the client left: nobody needs the rest).
    void arm(ObjectMetadata meta, EarlyBodyReader early);
    void finish(); // every byte is in: readers end at the last one
    void fail();   // the download broke: readers end at once, atEnd() with bytes missing

    std::unique_ptr<QIODevice> reader(); // at offset 0; nullptr when no descriptor is left

    bool resize(qint64 size) override; // a redirect restarts the body

protected:
    qint64 writeData(const char *data, qint64 len) override;

private:
    void settle(bool failed);
    std::unique_ptr<QIODevice> makeReader(bool early);

    std::shared_ptr<SpoolState> m_state;
    ObjectMetadata m_meta;
    EarlyBodyReader m_early;
    bool m_armed = false;
    bool m_earlyTaken = false;
};

} // namespace mort
