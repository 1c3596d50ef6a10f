#include "storage/rootcontainment.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

namespace mort {

namespace {

// realpath(3) of `path`; empty with errno set when it does not resolve.
QByteArray realPath(const QByteArray &path)
{
    char resolved[PATH_MAX];
    if (!::realpath(path.constData(), resolved))
        return {};
    return QByteArray(resolved);
}

} // namespace

RootContainment::RootContainment(const QString &root, Method method)
    : m_root(QDir::cleanPath(root)), m_realRoot(realPath(QFile::encodeName(m_root))), m_method(method)
{
    if (m_realRoot.isEmpty())
        m_realRoot = QFile::encodeName(m_root); // missing root: every open fails anyway
}

bool RootContainment::inside(const QByteArray &resolved) const
{
    if (m_realRoot == "/")
        return resolved.startsWith('/');
    // A '/' must follow the prefix: "/srv/media2" is not inside "/srv/media".
    return resolved == m_realRoot || (resolved.startsWith(m_realRoot) && resolved.at(m_realRoot.size()) == '/');
}

int RootContainment::openResolved(const QByteArray &path, int flags) const
{
    const QByteArray resolved = realPath(path);
    if (resolved.isEmpty())
        return -1;
    if (!inside(resolved)) {
        errno = EXDEV;
        return -1;
    }
    // O_NOFOLLOW: the last component must not have turned into a link since.
    return ::open(resolved.constData(), flags | O_NOFOLLOW);
}

int RootContainment::open(const QString &relative, int flags) const
{
    flags |= O_CLOEXEC;
    const QByteArray rel = relative.isEmpty() ? QByteArray(".") : QFile::encodeName(relative);
#ifdef SYS_openat2
    if (m_method == Method::Auto && !m_openat2Missing.load(std::memory_order_relaxed)) {
        const int dir = ::open(m_realRoot.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0)
            return -1;
        struct open_how how = {};
        how.flags = quint64(flags);
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
        const long fd = ::syscall(SYS_openat2, dir, rel.constData(), &how, sizeof how);
        const int error = errno;
        ::close(dir);
        if (fd >= 0)
            return int(fd);
        if (error == ENOSYS)
            m_openat2Missing.store(true, std::memory_order_relaxed); // kernel before 5.6
        // EXDEV: the path leaves the root -- or is an absolute link, which
        // RESOLVE_BENEATH refuses even when it points inside: judged below.
        // EPERM: a seccomp filter that does not know openat2.
        if (error != ENOSYS && error != EXDEV && error != EPERM) {
            errno = error;
            return -1;
        }
    }
#endif
    return openResolved(m_realRoot + '/' + rel, flags);
}

bool RootContainment::resolvesInside(const QString &absolutePath) const
{
    QByteArray path = QFile::encodeName(QDir::cleanPath(absolutePath));
    for (;;) {
        const QByteArray resolved = realPath(path);
        if (!resolved.isEmpty())
            return inside(resolved);
        if (errno != ENOENT && errno != ENOTDIR)
            return false; // a link loop, no permission: not provably inside
        struct stat st = {};
        if (::lstat(path.constData(), &st) == 0)
            return false; // exists but does not resolve: a dangling link
        const qsizetype slash = path.lastIndexOf('/');
        if (slash <= 0)
            return false;
        path.truncate(slash);
    }
}

} // namespace mort
