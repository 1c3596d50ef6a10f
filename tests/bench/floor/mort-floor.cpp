// mort-floor: the floor of run-bench.sh's cold workload = mort's own imaging
// engine on exactly the URLs wrk sent, minus HTTP, cache and storage.
//
//   URL_TEMPLATE='/bench/{IMG}?operation=resize&width={W}&quality={Q}&n={N}' IMG=photo-1600x1200.jpg
//   WMIN=100 WMAX=1100 QMIN=70 QMAX=90 START=0 TAG=x
//     mort-floor --config CONFIG.yml --images DIR --count N [--threads T] [--warmup N] [--check-out FILE]
//   ... mort-floor ... --list    prints the N URLs and exits (to compare with what wrk sent)
//
// The environment is load.lua's (coldsequence.h replays its order). Each URL
// goes through the server's own code: ObjectParser::parse (done before the
// clock starts), then ImageProcessor::process on the mergeChain of its
// transform chain -- the call TransformRunner::run makes -- with the
// bucket's effective limits, a HeavyLane of VipsThreadBudget::heavyTransformSlots() and a
// requestTimeout deadline, as Engine / PipelineSnapshot set them up, after
// initImaging() (libvips concurrency 1, operation cache off, liborc as
// MORT_VIPS_VECTOR says) and tuneAllocator() (MALLOC_ARENA_MAX 2), as in
// mort-server's main. Originals are read from DIR/<root key> once, before
// the clock: storage is not part of the floor.
//
// Prints "RESULT {json}" on stdout: images, errors, wall_s, cpu_s (getrusage
// of the whole process: every worker and libvips thread), img_per_s,
// cpu_ms_per_img, maxrss_kb. Exit status 1 when any image failed or came
// out at another width than asked, or as another type than JPEG.
#include "coldsequence.h"

#include "common/allocator.h"
#include "config/config.h"
#include "core/cancellation.h"
#include "imaging/heavylane.h"
#include "imaging/imageprocessor.h"
#include "imaging/vipsthreadbudget.h"
#include "object/objectparser.h"

#include <QFile>
#include <QHash>
#include <QThread>
#include <QUrl>

#include <vips/vips.h>
// after vips.h, which it needs
#include <vips/vector.h>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace mort;
using mort::bench::ColdSequence;

namespace {

struct Job
{
    std::string url;
    QString bucket;
    QList<Transforms> chain; // root-most first, merged: what TransformRunner hands to process()
    QByteArray source;       // implicitly shared with every job of the same original
    int expectedWidth = 0;
};

struct Tally
{
    std::atomic<long> images{0};
    std::atomic<long> errors{0};
    std::atomic<long long> bytesOut{0};
    std::atomic<bool> reported{false};
};

std::string env(const char *name, const char *fallback)
{
    const char *v = std::getenv(name);
    return v && *v ? v : fallback;
}

int envInt(const char *name, int fallback)
{
    const char *v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

double cpuSeconds(const rusage &r)
{
    return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

[[noreturn]] void die(const std::string &message)
{
    std::fprintf(stderr, "mort-floor: %s\n", message.c_str());
    std::exit(2);
}

class Floor
{
public:
    Floor(ConfigPtr config, QString imagesDir)
        : m_config(std::move(config)), m_parser(m_config), m_images(std::move(imagesDir)),
          m_heavyLane(std::make_shared<HeavyLane>(VipsThreadBudget::heavyTransformSlots()))
    {
        // PipelineSnapshot: one processor per bucket with its effective limits.
        // No watermark source: the cold workload has no watermark.
        for (auto it = m_config->buckets.cbegin(); it != m_config->buckets.cend(); ++it)
            m_processors.insert(it.key(),
                                std::make_shared<ImageProcessor>(it->effectiveLimits(m_config->server.limits),
                                                                 WatermarkSource{}, m_heavyLane));
    }

    // What the HTTP layer and ObjectHandler do with a request line before
    // the transform: split path and raw query, percent-decode the path, parse.
    Job prepare(const std::string &url, int expectedWidth)
    {
        const auto q = url.find('?');
        const QByteArray rawPath = QByteArray::fromStdString(url.substr(0, q));
        const QByteArray rawQuery =
            q == std::string::npos ? QByteArray() : QByteArray::fromStdString(url.substr(q + 1));
        Expected<ObjectRef> object = m_parser.parse(QUrl::fromPercentEncoding(rawPath), rawQuery);
        if (!object)
            die(url + ": " + object.error().toString().toStdString());
        if (!object->hasTransforms())
            die(url + ": not a transform");
        Job job;
        job.url = url;
        job.bucket = object->bucket;
        job.chain = mergeChain(object->transformChain());
        job.source = original(object->root().key);
        job.expectedWidth = expectedWidth;
        return job;
    }

    // TransformRunner::run's step 4, with the same deadline the request gets.
    Expected<ProcessedImage> run(const Job &job) const
    {
        const CancelToken token(QDeadlineTimer(qint64(m_config->server.requestTimeoutSec) * 1000));
        return m_processors.value(job.bucket)->process(job.source, job.chain, token);
    }

    quint64 heavyRefused() const { return m_heavyLane->refused(); }

private:
    QByteArray original(const QString &key)
    {
        auto it = m_originals.find(key);
        if (it != m_originals.end())
            return *it;
        QFile file(m_images + key);
        if (!file.open(QIODevice::ReadOnly))
            die("cannot read " + file.fileName().toStdString());
        return *m_originals.insert(key, file.readAll());
    }

    ConfigPtr m_config;
    ObjectParser m_parser;
    QString m_images;
    HeavyLanePtr m_heavyLane;
    QHash<QString, std::shared_ptr<ImageProcessor>> m_processors;
    QHash<QString, QByteArray> m_originals;
};

// Workers take the next job until none is left, like the transform pool
// draining its queue; a wrong answer is counted, the first one printed.
void drain(const Floor &floor, const std::vector<Job> &jobs, std::atomic<size_t> &next, Tally &tally)
{
    for (size_t i = next.fetch_add(1); i < jobs.size(); i = next.fetch_add(1)) {
        Expected<ProcessedImage> out = floor.run(jobs[i]);
        std::string why;
        if (!out)
            why = out.error().toString().toStdString();
        else if (out->contentType != "image/jpeg")
            why = "content type " + out->contentType.toStdString();
        else if (jobs[i].expectedWidth > 0 && out->width != jobs[i].expectedWidth)
            why = "width " + std::to_string(out->width) + ", expected " + std::to_string(jobs[i].expectedWidth);
        if (!why.empty()) {
            tally.errors++;
            if (!tally.reported.exchange(true))
                std::fprintf(stderr, "mort-floor: %s: %s\n", jobs[i].url.c_str(), why.c_str());
            continue;
        }
        tally.images++;
        tally.bytesOut += out->body.size();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    tuneAllocator(); // as mort-server's main, before any thread allocates
    QString configPath, imagesDir, checkOut;
    long count = 0;
    int threads = VipsThreadBudget::transformWorkers(); // = Engine's transformThreads
    int warmup = -1;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--config")
            configPath = QString::fromStdString(value());
        else if (a == "--images")
            imagesDir = QString::fromStdString(value());
        else if (a == "--count")
            count = std::stol(value());
        else if (a == "--threads")
            threads = std::max(1, std::stoi(value()));
        else if (a == "--warmup")
            warmup = std::stoi(value());
        else if (a == "--check-out")
            checkOut = QString::fromStdString(value());
        else if (a == "--list")
            list = true;
        else
            die("unknown argument " + a + " (see the header of tests/bench/floor/mort-floor.cpp)");
    }
    if (configPath.isEmpty() || imagesDir.isEmpty() || count <= 0)
        die("usage: mort-floor --config FILE --images DIR --count N [--threads T] [--warmup N] [--check-out FILE] "
            "[--list]");
    if (warmup < 0)
        warmup = 2 * threads;

    Expected<ConfigPtr> config = ConfigLoader::fromFile(configPath);
    if (!config)
        die(config.error().detail.toStdString());
    if (Expected<void> vips = initImaging(argv[0]); !vips)
        die(vips.error().detail.toStdString());

    const std::string tmpl = env("URL_TEMPLATE", "");
    if (tmpl.empty())
        die("URL_TEMPLATE is not set");
    const std::string img = env("IMG", "");
    const std::string tag = env("TAG", "t");
    const int wmin = envInt("WMIN", 300), wmax = envInt("WMAX", 300);
    const int qmin = envInt("QMIN", 80), qmax = envInt("QMAX", 80);
    const long start = envInt("START", 0);
    const ColdSequence seq(wmin, wmax, qmin, qmax);
    const bool checkWidth = tmpl.find("{W}") != std::string::npos;

    Floor floor(*config, imagesDir);
    auto make = [&](long k, const std::string &n) {
        const auto cell = seq.at(k);
        return floor.prepare(ColdSequence::expand(tmpl, img, cell, n), checkWidth ? cell.width : 0);
    };
    // Warm-up from the middle of the order, as run-bench.sh's wrk warm-up.
    std::vector<Job> warm, jobs;
    for (long k = 0; k < warmup; ++k)
        warm.push_back(make(seq.size() / 2 + k, "w" + tag + "-" + std::to_string(k)));
    for (long k = start; k < start + count; ++k)
        jobs.push_back(make(k, tag + "-" + std::to_string(k)));
    if (list) {
        for (const Job &job : jobs)
            std::printf("%s\n", job.url.c_str());
        return 0;
    }

    // The same threads warm up and measure (libvips keeps per-thread state).
    Tally warmTally, tally;
    std::atomic<size_t> nextWarm{0}, next{0};
    std::barrier sync(threads + 1);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            drain(floor, warm, nextWarm, warmTally);
            sync.arrive_and_wait(); // warm-up done
            sync.arrive_and_wait(); // clock started
            drain(floor, jobs, next, tally);
            vips_thread_shutdown();
        });
    sync.arrive_and_wait();
    rusage r0{}, r1{};
    getrusage(RUSAGE_SELF, &r0);
    const auto t0 = std::chrono::steady_clock::now();
    sync.arrive_and_wait();
    for (std::thread &w : workers)
        w.join();
    const auto t1 = std::chrono::steady_clock::now();
    getrusage(RUSAGE_SELF, &r1);

    // One more image to check from outside (run-bench.sh: vipsheader), the
    // URL of the harness' own check: middle width, lowest quality.
    if (!checkOut.isEmpty()) {
        const Job check = floor.prepare(ColdSequence::expand(tmpl, img, {(wmin + wmax) / 2, qmin}, "check" + tag), 0);
        Expected<ProcessedImage> out = floor.run(check);
        QFile file(checkOut);
        if (!out || !file.open(QIODevice::WriteOnly) || file.write(out->body) != out->body.size())
            die("check image: " + (out ? file.errorString() : out.error().toString()).toStdString());
    }

    const double wall = std::chrono::duration<double>(t1 - t0).count();
    const double cpu = cpuSeconds(r1) - cpuSeconds(r0);
    const long images = tally.images.load();
    const long errors = tally.errors.load() + warmTally.errors.load();
    std::printf(
        "RESULT {\"images\": %ld, \"errors\": %ld, \"threads\": %d, \"warmup\": %d, \"wall_s\": %.4f, "
        "\"cpu_s\": %.4f, \"user_s\": %.4f, \"sys_s\": %.4f, \"img_per_s\": %.3f, \"cpu_ms_per_img\": %.3f, "
        "\"bytes_out\": %lld, \"heavy_refused\": %llu, \"maxrss_kb\": %ld, \"vips_vector\": %d}\n",
        images, errors, threads, warmup, wall, cpu,
        double(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + double(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6,
        double(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + double(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6,
        wall > 0 ? double(images) / wall : 0.0, images > 0 ? 1000.0 * cpu / double(images) : 0.0, tally.bytesOut.load(),
        static_cast<unsigned long long>(floor.heavyRefused()), r1.ru_maxrss, vips_vector_isenabled() ? 1 : 0);
    std::fflush(stdout);
    return errors > 0 ? 1 : 0;
}
