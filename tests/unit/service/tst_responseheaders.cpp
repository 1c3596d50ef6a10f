// Header rules, bucket headers and CORS (config.md §3, http-behaviour.md §3).
#include "service/responseheaders.h"

#include <QTest>

using namespace mort;

namespace {

using Values = QList<QPair<QString, QString>>;

HeaderRule rule(QList<int> statuses, Values values, bool override = false)
{
    HeaderRule r;
    r.statusCodes = std::move(statuses);
    r.values = std::move(values);
    r.override = override;
    return r;
}

} // namespace

class TestResponseHeaders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonicalHeaderName_data()
    {
        // Rows of Go's CanonicalMIMEHeaderKey.
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("lower") << QByteArray("cache-control") << QByteArray("Cache-Control");
        QTest::newRow("upper") << QByteArray("CACHE-CONTROL") << QByteArray("Cache-Control");
        QTest::newRow("canonical") << QByteArray("Cache-Control") << QByteArray("Cache-Control");
        QTest::newRow("one word") << QByteArray("etag") << QByteArray("Etag");
        QTest::newRow("x-amz-meta") << QByteArray("x-amz-meta-public-width") << QByteArray("X-Amz-Meta-Public-Width");
        QTest::newRow("mixed") << QByteArray("uSER-aGENT") << QByteArray("User-Agent");
        QTest::newRow("digit after dash") << QByteArray("x-1abc") << QByteArray("X-1abc");
        QTest::newRow("underscore is not a separator") << QByteArray("foo_bar-baz") << QByteArray("Foo_bar-Baz");
        QTest::newRow("double dash") << QByteArray("a--b") << QByteArray("A--B");
        QTest::newRow("leading dash") << QByteArray("-foo") << QByteArray("-Foo");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("space: unchanged") << QByteArray("cache control") << QByteArray("cache control");
        QTest::newRow("colon: unchanged") << QByteArray("foo:bar") << QByteArray("foo:bar");
        QTest::newRow("non-ASCII: unchanged") << QByteArray("x-caf\xe9") << QByteArray("x-caf\xe9");
        QTest::newRow("UTF-8: unchanged") << QByteArray("x-\xc3\xa9t\xc3\xa9") << QByteArray("x-\xc3\xa9t\xc3\xa9");
    }

    void canonicalHeaderName()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QCOMPARE(mort::canonicalHeaderName(in), out);
    }

    void headerRules_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<HttpHeaders>("existing");
        QTest::addColumn<Values>("bucketHeaders");
        QTest::addColumn<QList<HeaderRule>>("rules");
        QTest::addColumn<HttpHeaders>("expected");

        const HttpHeaders cached{{"Cache-Control", "max-age=5"}};

        // Quirk 2: verbatim lookup among canonical names.
        QTest::newRow("lower-case rule name always applied, even with override false")
            << 200 << cached << Values{} << QList<HeaderRule>{rule({200}, {{"cache-control", "max-age=84000, public"}})}
            << HttpHeaders{{"Cache-Control", "max-age=84000, public"}};
        QTest::newRow("canonical rule name does not replace an existing header")
            << 200 << cached << Values{} << QList<HeaderRule>{rule({200}, {{"Cache-Control", "max-age=84000"}})}
            << cached;
        QTest::newRow("canonical rule name fills a missing header")
            << 200 << HttpHeaders{} << Values{} << QList<HeaderRule>{rule({200}, {{"Cache-Control", "max-age=84000"}})}
            << HttpHeaders{{"Cache-Control", "max-age=84000"}};
        QTest::newRow("upper-case rule name always applied, set canonical")
            << 200 << cached << Values{} << QList<HeaderRule>{rule({200}, {{"CACHE-CONTROL", "no-store"}})}
            << HttpHeaders{{"Cache-Control", "no-store"}};
        QTest::newRow("lower-case rule name on a missing header is added canonical")
            << 200 << HttpHeaders{} << Values{} << QList<HeaderRule>{rule({200}, {{"x-frame-options", "deny"}})}
            << HttpHeaders{{"X-Frame-Options", "deny"}};
        QTest::newRow("override true replaces an existing header")
            << 404 << cached << Values{}
            << QList<HeaderRule>{rule({404, 400}, {{"Cache-Control", "max-age=60, public"}}, true)}
            << HttpHeaders{{"Cache-Control", "max-age=60, public"}};

        // Quirk 1: only the first rule containing the status.
        QTest::newRow("only the first matching rule applies")
            << 200 << HttpHeaders{} << Values{}
            << QList<HeaderRule>{rule({200}, {{"Cache-Control", "first"}}),
                                 rule({200}, {{"Cache-Control", "second"}, {"X-Second", "yes"}}, true)}
            << HttpHeaders{{"Cache-Control", "first"}};
        QTest::newRow("non-matching rules are skipped")
            << 404 << HttpHeaders{} << Values{}
            << QList<HeaderRule>{rule({200}, {{"Cache-Control", "for-200"}}),
                                 rule({400, 404}, {{"Cache-Control", "for-404"}}),
                                 rule({404}, {{"Cache-Control", "later"}}, true)}
            << HttpHeaders{{"Cache-Control", "for-404"}};
        QTest::newRow("no rule for the status: nothing")
            << 500 << HttpHeaders{} << Values{} << QList<HeaderRule>{rule({200}, {{"Cache-Control", "x"}})}
            << HttpHeaders{};
        QTest::newRow("a rule applies all its values in order")
            << 200 << HttpHeaders{} << Values{}
            << QList<HeaderRule>{rule({200}, {{"Cache-Control", "a"}, {"x-custom", "b"}})}
            << HttpHeaders{{"Cache-Control", "a"}, {"X-Custom", "b"}};

        // Bucket headers first, same absent test; a rule sees their result.
        QTest::newRow("bucket header added when missing")
            << 200 << HttpHeaders{} << Values{{"X-Frame-Options", "deny"}} << QList<HeaderRule>{}
            << HttpHeaders{{"X-Frame-Options", "deny"}};
        QTest::newRow("canonical bucket header does not replace")
            << 200 << HttpHeaders{{"X-Frame-Options", "sameorigin"}} << Values{{"X-Frame-Options", "deny"}}
            << QList<HeaderRule>{} << HttpHeaders{{"X-Frame-Options", "sameorigin"}};
        QTest::newRow("lower-case bucket header always wins")
            << 200 << HttpHeaders{{"X-Frame-Options", "sameorigin"}} << Values{{"x-frame-options", "deny"}}
            << QList<HeaderRule>{} << HttpHeaders{{"X-Frame-Options", "deny"}};
        QTest::newRow("bucket header applies to any status")
            << 503 << HttpHeaders{} << Values{{"X-Frame-Options", "deny"}} << QList<HeaderRule>{}
            << HttpHeaders{{"X-Frame-Options", "deny"}};
        QTest::newRow("bucket before rules: canonical rule name sees the bucket value")
            << 200 << HttpHeaders{} << Values{{"Cache-Control", "bucket"}}
            << QList<HeaderRule>{rule({200}, {{"Cache-Control", "rule"}})} << HttpHeaders{{"Cache-Control", "bucket"}};
        QTest::newRow("bucket before rules: override rule replaces the bucket value")
            << 200 << HttpHeaders{} << Values{{"Cache-Control", "bucket"}}
            << QList<HeaderRule>{rule({200}, {{"Cache-Control", "rule"}}, true)}
            << HttpHeaders{{"Cache-Control", "rule"}};
        QTest::newRow("bucket before rules: lower-case rule name replaces the bucket value")
            << 200 << HttpHeaders{} << Values{{"Cache-Control", "bucket"}}
            << QList<HeaderRule>{rule({200}, {{"cache-control", "rule"}})} << HttpHeaders{{"Cache-Control", "rule"}};
    }

    void headerRules()
    {
        QFETCH(int, status);
        QFETCH(HttpHeaders, existing);
        QFETCH(Values, bucketHeaders);
        QFETCH(QList<HeaderRule>, rules);
        QFETCH(HttpHeaders, expected);
        Config config;
        config.headers = rules;
        BucketConfig bucket;
        bucket.name = QStringLiteral("media");
        bucket.headers = bucketHeaders;
        HttpResponse response(status);
        response.headers = existing;
        applyHeaderRules(config, &bucket, response);
        QCOMPARE(response.headers, expected);
        QCOMPARE(response.status, status);
    }

    void headerRulesWithoutBucket()
    {
        Config config;
        config.headers = {rule({200}, {{"cache-control", "max-age=1"}})};
        HttpResponse response(200, "x", "image/png");
        applyHeaderRules(config, nullptr, response);
        QCOMPARE(response.headers, (HttpHeaders{{"Content-Type", "image/png"}, {"Cache-Control", "max-age=1"}}));
    }

    void corsHeaders()
    {
        HttpResponse response(404, "{\"error\":\"item not found\"}", "text/plain");
        response.headers.append(qMakePair(QByteArray("access-control-allow-origin"), QByteArray("https://x")));
        applyCorsHeaders(response);
        QCOMPARE(response.headers,
                 (HttpHeaders{
                     {"Content-Type", "text/plain"},
                     {"access-control-allow-origin", "*"},
                     {"Access-Control-Allow-Methods", "POST, GET, OPTIONS, HEAD"},
                     {"Access-Control-Allow-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height"},
                     {"Access-Control-Expose-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height"},
                     {"Accept-Ranges", "bytes"},
                 }));
        QCOMPARE(response.status, 404);
    }
};

QTEST_GUILESS_MAIN(TestResponseHeaders)
#include "tst_responseheaders.moc"
