#pragma once
// Keeping the file storages (`local`, `local-meta`) inside their container
// directory on disk, symlinks included (issue 23 finding 1). Cleaning the key
// text (cleanStorageKey) stops "..", but a link inside the folder may point
// anywhere; what counts is the path the kernel resolves.
//
// Reads open through openat2(RESOLVE_BENEATH) where the kernel has it (Linux
// 5.6+): resolution cannot leave the root, without a race. A link that
// openat2 refuses (an absolute link, even one into the root) and kernels
// without openat2 fall back to realpath() and a prefix check on the resolved
// path ("/srv/media2" is not inside "/srv/media"). Links that stay inside the
// root keep working either way.
#include <QByteArray>
#include <QString>

#include <atomic>

namespace mort {

class RootContainment
{
public:
    enum class Method {
        Auto,    // openat2 when the kernel has it, else RealPath
        RealPath // realpath + prefix check only (tests, old kernels)
    };

    // `root` must exist; it may itself be (or lie below) a symlink.
    explicit RootContainment(const QString &root, Method method = Method::Auto);

    // Opens root/`relative` (no leading '/'; "" or "." is the root itself)
    // with `flags` (O_RDONLY ...; O_CLOEXEC is added). Returns the descriptor,
    // or -1 with errno set; EXDEV: the path resolves outside the root.
    int open(const QString &relative, int flags) const;

    // Whether `absolutePath` (below the root, as the storage builds it)
    // resolves inside the root now: its deepest existing ancestor, the path
    // itself included, resolved through every link. A dangling link on the
    // way counts as outside (a write would follow it). Checked before
    // creating directories or files, before deleting, and when listing.
    bool resolvesInside(const QString &absolutePath) const;

    const QString &root() const { return m_root; }

private:
    int openResolved(const QByteArray &path, int flags) const; // realpath + prefix check, then open
    bool inside(const QByteArray &resolved) const;

    QString m_root;        // as configured (cleaned)
    QByteArray m_realRoot; // every link resolved
    Method m_method;
    mutable std::atomic<bool> m_openat2Missing{false}; // the kernel said ENOSYS once
};

} // namespace mort
