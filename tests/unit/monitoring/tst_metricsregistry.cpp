#include "core/taskregistry.h"
#include "monitoring/metricsregistry.h"
#include "monitoring/mortmetrics.h"
#include "monitoring/prometheustext.h"
#include "promtool.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <limits>
#include <utility>
#include <thread>
#include <vector>

using namespace mort;
using mort::test::runPromtool;

namespace {

const MetricSample *findSample(const MetricsSnapshot &snapshot, const QByteArray &family, const MetricLabels &labels)
{
    const MetricFamilySnapshot *f = snapshot.family(family);
    if (!f)
        return nullptr;
    for (const MetricSample &s : f->samples) {
        if (s.labels == labels)
            return &s;
    }
    return nullptr;
}

QByteArrayList labelNamesOf(const MetricSample &sample)
{
    QByteArrayList names;
    for (const MetricLabel &l : sample.labels)
        names.append(l.first);
    return names;
}

} // namespace

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rendersExactExpositionText()
    {
        MetricsRegistry registry;
        CounterFamily &requests = registry.counter("test_requests_total", "Requests, by method.", {"method"});
        requests.labels({"GET"}).inc(2);
        requests.labels({"GET"}).inc();
        requests.labels({"a\"b\\c\nd"}).inc();
        registry.gauge("test_temperature", "Temperature in \"C\\F\".\nSecond line").labels().set(21.5);
        Histogram latency =
            registry.histogram("test_latency_seconds", "Latency.", {"route"}, {1, 2.5, 5}).labels({"/x"});
        for (double v : {0.5, 1.0, 3.0, 7.0})
            latency.observe(v);

        const QByteArray expected =
            "# HELP mort_metrics_label_sets_refused_total Label sets refused because a metric family reached its "
            "cardinality limit.\n"
            "# TYPE mort_metrics_label_sets_refused_total counter\n"
            "mort_metrics_label_sets_refused_total 0\n"
            "# HELP test_latency_seconds Latency.\n"
            "# TYPE test_latency_seconds histogram\n"
            "test_latency_seconds_bucket{route=\"/x\",le=\"1\"} 2\n"
            "test_latency_seconds_bucket{route=\"/x\",le=\"2.5\"} 2\n"
            "test_latency_seconds_bucket{route=\"/x\",le=\"5\"} 3\n"
            "test_latency_seconds_bucket{route=\"/x\",le=\"+Inf\"} 4\n"
            "test_latency_seconds_sum{route=\"/x\"} 11.5\n"
            "test_latency_seconds_count{route=\"/x\"} 4\n"
            "# HELP test_requests_total Requests, by method.\n"
            "# TYPE test_requests_total counter\n"
            "test_requests_total{method=\"GET\"} 3\n"
            "test_requests_total{method=\"a\\\"b\\\\c\\nd\"} 1\n"
            "# HELP test_temperature Temperature in \"C\\\\F\".\\nSecond line\n"
            "# TYPE test_temperature gauge\n"
            "test_temperature 21.5\n";
        QCOMPARE(renderPrometheusText(registry), expected);
    }

    void formatsValuesLikeGo_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("integer") << 42.0 << QByteArray("42");
        QTest::newRow("million, no exponent") << 1e6 << QByteArray("1000000");
        QTest::newRow("negative integer") << -7.0 << QByteArray("-7");
        QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
        QTest::newRow("small fixed") << 0.0001 << QByteArray("0.0001");
        QTest::newRow("tiny") << 1.5e-7 << QByteArray("1.5e-07");
        QTest::newRow("large fraction") << 1234567.5 << QByteArray("1.2345675e+06");
        QTest::newRow("fraction below 1e6") << 123456.25 << QByteArray("123456.25");
        QTest::newRow("huge integral") << 1e21 << QByteArray("1e+21");
        QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    }
    void formatsValuesLikeGo()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(formatPrometheusValue(value), text);
    }

    void histogramBucketsAreCumulativeAndInclusive()
    {
        MetricsRegistry registry;
        HistogramFamily &family = registry.histogram("h", "help");
        QCOMPARE(QList<double>(family.bounds().begin(), family.bounds().end()), mortDefaultBuckets());
        Histogram h = family.labels();
        // 10 is on a bound (le is inclusive), 10.5 the next, 80001 past the last.
        for (double v : {5.0, 10.0, 10.5, 500.0, 80000.0, 80001.0, std::numeric_limits<double>::quiet_NaN()})
            h.observe(v);
        const MetricsSnapshot snapshot1 = registry.snapshot(); // the sample points into it

        const MetricSample *s = findSample(snapshot1, "h", {});
        QVERIFY(s);
        const HistogramValue &v = s->histogram;
        QCOMPARE(v.upperBounds.size(), 18);
        QCOMPARE(v.cumulativeCounts.size(), 19);
        QCOMPARE(v.cumulativeCounts[0], 2u);  // le=10: 5, 10
        QCOMPARE(v.cumulativeCounts[1], 3u);  // le=50: + 10.5
        QCOMPARE(v.cumulativeCounts[6], 4u);  // le=500: + 500
        QCOMPARE(v.cumulativeCounts[16], 4u); // le=70000
        QCOMPARE(v.cumulativeCounts[17], 5u); // le=80000: + 80000
        QCOMPARE(v.cumulativeCounts[18], 6u); // +Inf: + 80001; NaN dropped
        QCOMPARE(v.count(), 6u);
        QCOMPARE(v.sum, 5.0 + 10 + 10.5 + 500 + 80000 + 80001);

        const QByteArray text = renderPrometheusText(registry);
        QVERIFY(text.contains("h_bucket{le=\"10\"} 2\n"));
        QVERIFY(text.contains("h_bucket{le=\"80000\"} 5\n"));
        QVERIFY(text.contains("h_bucket{le=\"+Inf\"} 6\n"));
        QVERIFY(text.contains("h_count 6\n"));
        QVERIFY(text.contains("h_sum 160526.5\n"));
    }

    void unsortedBucketsAreRepaired()
    {
        MetricsRegistry registry;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("h buckets were not finite and strictly increasing"));
        HistogramFamily &family =
            registry.histogram("h", "help", {}, {5, 1, 5, std::numeric_limits<double>::infinity(), 2});
        QCOMPARE(family.bounds(), (std::vector<double>{1, 2, 5}));
    }

    void labelValuesAreEscapedAndMadeUtf8()
    {
        MetricsRegistry registry;
        CounterFamily &family = registry.counter("c_total", "help", {"v"});
        family.labels({QByteArray("back\\slash")}).inc();
        family.labels({QByteArray("quote\"d")}).inc();
        family.labels({QByteArray("new\nline")}).inc();
        family.labels({QByteArray("bad\xff")}).inc();
        family.labels({QByteArray("bad\xfe")}).inc(); // same series after repair
        const QByteArray text = renderPrometheusText(registry);
        QVERIFY(text.contains("c_total{v=\"back\\\\slash\"} 1\n"));
        QVERIFY(text.contains("c_total{v=\"quote\\\"d\"} 1\n"));
        QVERIFY(text.contains("c_total{v=\"new\\nline\"} 1\n"));
        QVERIFY(text.contains("c_total{v=\"bad\xef\xbf\xbd\"} 2\n"));
        QCOMPARE(family.labelSetCount(), 4);
    }

    void wrongLabelArityGivesInertHandle()
    {
        MetricsRegistry registry;
        CounterFamily &family = registry.counter("c_total", "help", {"a", "b"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("c_total expects 2 label values, got 1"));
        Counter c = family.labels({"x"});
        QVERIFY(!c.isValid());
        c.inc();
        QCOMPARE(family.labelSetCount(), 0);
    }

    void cardinalityIsCapped()
    {
        MetricsRegistry registry(3);
        CounterFamily &family = registry.counter("urls_total", "help", {"url"});
        for (const char *url : {"/a", "/b", "/c"})
            QVERIFY(family.labels({url}).isValid());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("urls_total reached its label-set limit"));
        Counter refused = family.labels({"/d"});
        QVERIFY(!refused.isValid());
        refused.inc();                             // dropped, not a crash
        QVERIFY(!family.labels({"/e"}).isValid()); // warned once only
        QVERIFY(family.labels({"/c"}).isValid());  // known sets keep working
        QCOMPARE(family.labelSetCount(), 3);
        QCOMPARE(family.refusedLabelSets(), 2u);
        QCOMPARE(registry.refusedLabelSets(), 2u);
        const QByteArray text = renderPrometheusText(registry);
        QVERIFY(text.contains("\nmort_metrics_label_sets_refused_total 2\n"));
        QVERIFY(!text.contains("/d"));

        // The default cap holds against a flood of distinct URLs.
        MetricsRegistry defaults;
        QCOMPARE(defaults.labelSetLimit(), 1000);
        HistogramFamily &h = defaults.histogram("h", "help", {"url"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("h reached its label-set limit"));
        for (int i = 0; i < 1500; ++i)
            h.labels({QByteArray::number(i)}).observe(1);
        QCOMPARE(h.labelSetCount(), 1000);
        QCOMPARE(defaults.refusedLabelSets(), 500u);
    }

    void concurrentUpdatesSumExactly()
    {
        MetricsRegistry registry;
        Counter shared = registry.counter("shared_total", "help").labels();
        CounterFamily &labelled = registry.counter("labelled_total", "help", {"k"});
        Gauge gauge = registry.gauge("g", "help").labels();
        Histogram hist = registry.histogram("h", "help").labels();
        constexpr int kThreads = 4;
        constexpr int kIterations = 100000;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kIterations; ++i) {
                    shared.inc();
                    // Looked up every time: exercises the reader lock and
                    // racing creation of the same label sets.
                    labelled.labels({QByteArray::number(i % 8)}).inc(2);
                    gauge.add(1);
                    hist.observe(double(t + 1));
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(shared.value(), quint64(kThreads) * kIterations);
        QCOMPARE(labelled.labelSetCount(), 8);
        const MetricsSnapshot snapshot = registry.snapshot();
        double labelledSum = 0;
        for (const MetricSample &s : snapshot.family("labelled_total")->samples)
            labelledSum += s.value;
        QCOMPARE(labelledSum, 2.0 * kThreads * kIterations);
        QCOMPARE(gauge.value(), double(kThreads) * kIterations);
        const HistogramValue &h = findSample(snapshot, "h", {})->histogram;
        QCOMPARE(h.count(), quint64(kThreads) * kIterations);
        QCOMPARE(h.sum, double(kIterations) * (1 + 2 + 3 + 4));
        QCOMPARE(h.cumulativeCounts[0], quint64(kThreads) * kIterations); // all <= 10
    }

    void collectorsJoinAtRenderTimeAndCanBeRemoved()
    {
        MetricsRegistry registry;
        registry.counter("owned_total", "help").labels().inc();
        int calls = 0;
        const int id = registry.addCollector([&calls](MetricsSnapshotWriter &out) {
            ++calls;
            QVERIFY(out.gauge("cache_bytes", "Bytes cached.", 1024, {{"tier", "memory"}}));
            QVERIFY(out.gauge("cache_bytes", "ignored second help", 2048, {{"tier", "redis"}}));
            QVERIFY(!out.counter("cache_bytes", "type clash", 1));
            QVERIFY(!out.gauge("owned_total", "clashes with a registered counter", 1));
            QVERIFY(!out.counter("owned_total", "registered families are closed to collectors", 5));
            QVERIFY(!out.gauge("bad name", "invalid", 1));
            QVERIFY(!out.gauge("ok", "invalid label", 1, {{"__reserved", "x"}}));
            HistogramValue h;
            h.upperBounds = {1, 2};
            h.cumulativeCounts = {1, 3, 4};
            h.sum = 5;
            QVERIFY(out.histogram("collected_seconds", "help", h));
            QVERIFY(!out.gauge("collected_seconds_count", "clashes with the histogram", 1));
            h.cumulativeCounts = {3, 1, 4}; // not cumulative
            QVERIFY(!out.histogram("collected2_seconds", "help", h));
        });
        QCOMPARE(calls, 0); // nothing runs until a render
        const MetricsSnapshot snapshot = registry.snapshot();
        QCOMPARE(calls, 1);
        QCOMPARE(snapshot.droppedSamples, 7);
        const QByteArray text = renderPrometheusText(snapshot);
        QVERIFY(text.contains("# HELP cache_bytes Bytes cached.\n# TYPE cache_bytes gauge\n"
                              "cache_bytes{tier=\"memory\"} 1024\ncache_bytes{tier=\"redis\"} 2048\n"));
        QVERIFY(text.contains("collected_seconds_bucket{le=\"2\"} 3\ncollected_seconds_bucket{le=\"+Inf\"} 4\n"
                              "collected_seconds_sum 5\ncollected_seconds_count 4\n"));
        QVERIFY(text.contains("# TYPE owned_total counter\nowned_total 1\n"));
        registry.removeCollector(id);
        QVERIFY(!renderPrometheusText(registry).contains("cache_bytes"));
        QCOMPARE(calls, 1); // removed: not run by the second render
    }

    void registrationIsIdempotentAndConflictsAreDetached()
    {
        MetricsRegistry registry;
        CounterFamily &a = registry.counter("x_total", "help", {"k"});
        QCOMPARE(&registry.counter("x_total", "other help", {"k"}), &a);
        HistogramFamily &h = registry.histogram("lat", "help", {}, {1, 2});
        QCOMPARE(&registry.histogram("lat", "help", {}, {1, 2}), &h);
        QCOMPARE(registry.registrationErrors(), 0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register x_total"));
        GaugeFamily &clash = registry.gauge("x_total", "help", {"k"}); // other type
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register x_total"));
        registry.counter("x_total", "help", {"other"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register lat"));
        registry.histogram("lat", "help", {}, {1, 3});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register lat_count"));
        registry.counter("lat_count", "help");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register bad-name"));
        registry.counter("bad-name", "help");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register y"));
        registry.histogram("y", "help", {"le"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register z"));
        registry.counter("z", "help", {"a", "a"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot register mort_metrics_label_sets_refused_total"));
        registry.counter(MetricsRegistry::RefusedLabelSetsMetric, "help").labels().inc();
        QCOMPARE(registry.registrationErrors(), 8);

        clash.labels({"v"}).set(99); // usable, but never rendered
        const QByteArray text = renderPrometheusText(registry);
        QVERIFY(!text.contains("99"));
        QVERIFY(!text.contains("bad-name"));
        QVERIFY(text.contains("# TYPE x_total counter\n"));
        QVERIFY(text.contains("mort_metrics_label_sets_refused_total 0\n"));
    }

    void mortMetricsMatchTheSpec()
    {
        MetricsRegistry registry;
        TaskRegistry tasks;
        TaskScope running(&tasks, TaskKind::Transform);
        MortMetrics m(registry, tasks);
        m.observeRequest("GET", "images", std::chrono::milliseconds(3));
        m.observeStorage(StorageMethod::Get, "", "local-meta", StorageObjectType::Parent,
                         std::chrono::microseconds(250), 4096);
        m.observeStorage(StorageMethod::Head, "", "s3", StorageObjectType::Transform, std::chrono::microseconds(40),
                         77);
        m.observeTransform(std::chrono::milliseconds(12));
        m.observeTransform(std::chrono::milliseconds(1), false);
        m.observeTransformStep("resize", std::chrono::milliseconds(7));
        m.cacheHit.inc();
        m.requestDownload.inc();
        m.requestCollapsed.inc();

        const MetricsSnapshot s = registry.snapshot();
        struct Expect
        {
            const char *name;
            MetricType type;
            QByteArrayList labels;
        };
        const Expect expected[] = {
            {"mort_cache_ratio", MetricType::Counter, {"status"}},
            {"mort_request_throttled_count", MetricType::Counter, {}},
            {"mort_request_collapsed_count", MetricType::Counter, {}},
            {"mort_storage_request", MetricType::Counter, {"method", "bucket", "storage", "object_type"}},
            {"mort_storage_throughput", MetricType::Gauge, {"method", "storage"}},
            {"mort_storage_time", MetricType::Histogram, {"method", "storage"}},
            {"mort_response_time", MetricType::Histogram, {"method"}},
            {"mort_generation_time", MetricType::Histogram, {}},
            {"mort_request_type_count", MetricType::Counter, {"type"}},
            {"mort_vips_cleanup_count", MetricType::Counter, {}},
            {"mort_glacier_error_detected", MetricType::Counter, {}},
            {"mort_glacier_restore_initiated", MetricType::Counter, {}},
            {"mort_transforms_total", MetricType::Counter, {}},
            {"mort_tasks_live", MetricType::Gauge, {"kind"}},
            {"mort_tasks_started_total", MetricType::Counter, {"kind"}},
            {"mort_request_duration_seconds", MetricType::Histogram, {"bucket"}},
            {"mort_transform_duration_seconds", MetricType::Histogram, {"operation"}},
        };
        for (const Expect &e : expected) {
            const MetricFamilySnapshot *f = s.family(e.name);
            QVERIFY2(f, e.name);
            QVERIFY2(f->type == e.type, e.name);
            QVERIFY2(!f->samples.isEmpty(), e.name);
            QVERIFY2(labelNamesOf(f->samples.first()) == e.labels, e.name);
        }
        for (const char *name : {"mort_response_time", "mort_generation_time", "mort_storage_time"}) {
            QCOMPARE(s.family(name)->samples.first().histogram.upperBounds, mortDefaultBuckets());
        }

        // Durations: microseconds for Mort's families, seconds for ours.
        QCOMPARE(findSample(s, "mort_response_time", {{"method", "GET"}})->histogram.sum, 3000.0);
        QCOMPARE(findSample(s, "mort_request_duration_seconds", {{"bucket", "images"}})->histogram.sum, 0.003);
        QCOMPARE(findSample(s, "mort_generation_time", {})->histogram.sum, 13000.0);
        QCOMPARE(findSample(s, "mort_transform_duration_seconds", {{"operation", "resize"}})->histogram.sum, 0.007);
        const MetricLabels getLocal{{"method", "get"}, {"storage", "local-meta"}};
        QCOMPARE(findSample(s, "mort_storage_time", getLocal)->histogram.sum, 250.0);
        QCOMPARE(findSample(s, "mort_storage_time", getLocal)->histogram.cumulativeCounts[2], 0u); // le=100
        QCOMPARE(findSample(s, "mort_storage_time", getLocal)->histogram.cumulativeCounts[4], 1u); // le=300
        QCOMPARE(findSample(s, "mort_storage_throughput", getLocal)->value, 4096.0);
        QVERIFY(!findSample(s, "mort_storage_throughput", {{"method", "head"}, {"storage", "s3"}})); // head: no bytes
        QCOMPARE(findSample(s, "mort_storage_request",
                            {{"method", "head"}, {"bucket", ""}, {"storage", "s3"}, {"object_type", "transform"}})
                     ->value,
                 1.0);
        QCOMPARE(findSample(s, "mort_transforms_total", {})->value, 1.0);
        QCOMPARE(findSample(s, "mort_transforms_failed_total", {})->value, 1.0);
        QCOMPARE(findSample(s, "mort_cache_ratio", {{"status", "hit"}})->value, 1.0);
        QCOMPARE(findSample(s, "mort_cache_ratio", {{"status", "miss"}})->value, 0.0);
        QCOMPARE(findSample(s, "mort_request_type_count", {{"type", "download"}})->value, 1.0);
        QCOMPARE(findSample(s, "mort_request_collapsed_count", {})->value, 1.0);
        QCOMPARE(findSample(s, "mort_tasks_live", {{"kind", "transform"}})->value, 1.0);
        QCOMPARE(findSample(s, "mort_tasks_started_total", {{"kind", "transform"}})->value, 1.0);
        QVERIFY(findSample(s, "process_resident_memory_bytes", {})->value > 0);
        QVERIFY(findSample(s, "process_open_fds", {})->value > 0);
    }

    void collectorsLeaveWithMortMetrics()
    {
        MetricsRegistry registry;
        TaskRegistry tasks;
        {
            MortMetrics m(registry, tasks);
            QVERIFY(registry.snapshot().family("mort_tasks_live"));
        }
        const MetricsSnapshot s = registry.snapshot();
        QVERIFY(!s.family("mort_tasks_live"));
        QVERIFY(!s.family("process_open_fds"));
        QVERIFY(s.family("mort_response_time")); // families stay with the registry
    }

    void promtoolAcceptsMortMetrics()
    {
        const QString promtool = mort::test::findPromtool();
        if (promtool.isEmpty())
            QSKIP("promtool not installed (Debian package 'prometheus', see packaging/install-deps.sh)");

        MetricsRegistry registry;
        TaskRegistry tasks;
        TaskScope request(&tasks, TaskKind::Request);
        MortMetrics m(registry, tasks);
        for (const char *method : {"GET", "HEAD", "weird\"method\\\n"})
            m.observeRequest(method, "bucket \"1\"", std::chrono::microseconds(1234567));
        m.observeStorage(StorageMethod::Set, "", "s3", StorageObjectType::Transform, std::chrono::microseconds(90),
                         1 << 20);
        m.observeTransform(std::chrono::nanoseconds(1500));
        m.observeTransformStep("crop", std::chrono::nanoseconds(123));
        m.cacheMiss.inc();
        m.requestThrottled.inc();
        const QByteArray text = renderPrometheusText(registry);

        // The harness itself must be able to fail: a raw newline in a label
        // value is a parse error (exit 1).
        QCOMPARE(runPromtool(promtool, "broken{l=\"a\nb\"} 1\n").first, 1);

        const auto [exitCode, output] = runPromtool(promtool, text);
        // Clean means clean: no parse error and no lint finding.
        QVERIFY2(exitCode == 0 && output.trimmed().isEmpty(), qPrintable(output + u'\n' + QString::fromUtf8(text)));
        // ... while Mort's names stay exactly as dashboards know them.
        for (const char *mortName : {"mort_cache_ratio", "mort_request_throttled_count", "mort_request_collapsed_count",
                                     "mort_storage_request", "mort_request_type_count", "mort_vips_cleanup_count",
                                     "mort_glacier_error_detected", "mort_glacier_restore_initiated"})
            QVERIFY2(text.contains(QByteArray("# TYPE ") + mortName + " untyped\n"), mortName);
        QVERIFY(text.contains("# TYPE mort_transforms_total counter\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
