#pragma once
// Every place where work crosses threads through Qt: a job started on a
// QThreadPool, a pool joined, a call run on another thread's event loop while
// the caller blocks. Qt (and glib, libvips) are not built with
// ThreadSanitizer, so TSan cannot see the synchronisation inside them and
// would report the data handed over as racing. These helpers tell TSan about
// the happens-before edge the library provides; in other builds they are the
// plain Qt calls.
#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <functional>
#include <future>
#include <memory>

#if defined(__SANITIZE_THREAD__)
#define MORT_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MORT_TSAN 1
#endif
#endif

#ifdef MORT_TSAN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace mort {

inline void tsanRelease([[maybe_unused]] const void *addr)
{
#ifdef MORT_TSAN
    __tsan_release(const_cast<void *>(addr));
#endif
}

inline void tsanAcquire([[maybe_unused]] const void *addr)
{
#ifdef MORT_TSAN
    __tsan_acquire(const_cast<void *>(addr));
#endif
}

// The hand-over itself (Qt wrapping the job, queueing it, waking a thread)
// happens inside Qt: the caller's accesses while Qt does it are not recorded,
// so TSan does not pair them with the other thread's reads of the same job.
class TsanIgnoredScope
{
public:
    TsanIgnoredScope()
    {
#ifdef MORT_TSAN
        __tsan_ignore_thread_begin();
#endif
    }
    ~TsanIgnoredScope()
    {
#ifdef MORT_TSAN
        __tsan_ignore_thread_end();
#endif
    }
    TsanIgnoredScope(const TsanIgnoredScope &) = delete;
    TsanIgnoredScope &operator=(const TsanIgnoredScope &) = delete;
};

// pool.start(job): what the caller did before happens-before the job; the
// job's end happens-before a joinPool() that waited for it.
inline void startInPool(QThreadPool &pool, std::function<void()> job)
{
#ifdef MORT_TSAN
    auto edge = std::make_shared<char>(0); // a unique address per hand-over
    tsanRelease(edge.get());
    TsanIgnoredScope handover;
    pool.start([&pool, edge, job = std::move(job)] {
        tsanAcquire(edge.get());
        job();
        tsanRelease(&pool);
    });
#else
    pool.start(std::move(job));
#endif
}

// pool.waitForDone(timeoutMs); true when every job finished.
inline bool joinPool(QThreadPool &pool, int timeoutMs = -1)
{
    const bool done = pool.waitForDone(timeoutMs);
    tsanAcquire(&pool);
    return done;
}

// invokeMethod(object, method, Qt::QueuedConnection) from any thread. The data
// the call acts on must be handed over by the caller's own synchronisation
// (an atomic, a mutex); only Qt's event allocation is kept out of TSan's view.
template<typename Object, typename Method>
void postQueued(Object *object, Method method)
{
    TsanIgnoredScope handover;
    QMetaObject::invokeMethod(object, method, Qt::QueuedConnection);
}

// Runs `call` on `context`'s thread and waits for it, like
// Qt::BlockingQueuedConnection (never call it from that thread). Under TSan the
// wait is a std::future TSan can see: with BlockingQueuedConnection Qt reads
// the caller's stack after the call returned, in code TSan cannot pair.
template<typename Call>
void runBlockingOn(QObject *context, Call call)
{
    Q_ASSERT(QThread::currentThread() != context->thread());
#ifdef MORT_TSAN
    // On the heap, shared: the target thread still touches the promise after
    // the caller's wait returned.
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    tsanRelease(done.get());
    {
        TsanIgnoredScope handover; // the target thread's work is recorded as usual
        QMetaObject::invokeMethod(
            context,
            [&call, done] {
                tsanAcquire(done.get());
                call();
                tsanRelease(done.get()); // the future's final wait happens inside libstdc++, unseen
                done->set_value();
            },
            Qt::QueuedConnection);
    }
    finished.wait();
    tsanAcquire(done.get());
#else
    QMetaObject::invokeMethod(context, std::move(call), Qt::BlockingQueuedConnection);
#endif
}

} // namespace mort
