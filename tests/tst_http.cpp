// HTTP tasks over real loopback sockets against the demo server: the waterfall phases, the
// per-host connection limit, timeouts that abort, size limits, and each kind of failure; and
// against a raw server that sends what no well-behaved server would.

#include "rawserver.h"
#include "serverthread.h"
#include "testsupport.h"

#include "http/networktransport.h"

#include <array>

using namespace concviz;
using namespace concviz::test;

namespace {

QByteArray httpScenario(const QByteArray &tasks, const QByteArray &options = {})
{
    return "{\"concviz\": 1, \"name\": \"http\", " + options + (options.isEmpty() ? "" : ", ") + "\"tasks\": [" + tasks + "]}";
}

QByteArray fetch(const QString &url, const QByteArray &extra = {})
{
    return "{\"name\": \"get\", \"kind\": \"http\", \"url\": \"" + url.toUtf8() + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
}

Trace runReal(const QByteArray &json, const QString &strategy = QStringLiteral("gather"))
{
    return runOn(ClockKind::Real, scenarioFrom(json), strategy);
}

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char c : data)
        crc = table[(crc ^ static_cast<quint8>(c)) & 0xffu] ^ (crc >> 8);
    return ~crc;
}

// `data` as a gzip stream (RFC 1952). qCompress writes zlib's format: its size, a 2-byte header,
// the deflate data gzip wants too, and an Adler-32 trailer; gzip puts its own header and trailer
// around the same deflate data.
QByteArray gzip(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9).mid(4);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += zlib.mid(2, zlib.size() - 6);
    for (const quint32 word : {crc32(data), static_cast<quint32>(data.size())})
        for (int i = 0; i < 4; ++i)
            out += static_cast<char>((word >> (8 * i)) & 0xffu);
    return out;
}

QByteArray gzipResponse(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachPhaseIsRecordedInOrder();
    void sixConnectionsPerHostMakeFourRounds();
    void raisingTheLimitMakesOneRound();
    void theVirtualClockGivesTheIdealTimes();
    void aTimeoutAbortsTheRequestAndTheServerSeesIt();
    void aResponseOverMaxBytesIsAborted();
    void eachFaultFailsWithAReason_data();
    void eachFaultFailsWithAReason();
    void aServerThatNeverAnswersMeetsTheDefaultDeadline_data();
    void aServerThatNeverAnswersMeetsTheDefaultDeadline();
    void aTaskTimeoutReplacesTheDefaultDeadline();
    void aHostileResponseFailsWithItsReason_data();
    void aHostileResponseFailsWithItsReason();
    void retriesBackOffAgainstAFailingServer();
    void anOutsideUrlNeedsTheRealClock();
    void aNameThatNeverResolvesFailsAlikeOnBothClocks();

private:
    std::unique_ptr<ServerThread> m_server;
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()); }
};

void TestHttp::initTestCase()
{
    m_server = std::make_unique<ServerThread>();
}

void TestHttp::eachPhaseIsRecordedInOrder()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/delay/0.3"))));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.outcome, Outcome::Ok);
    QCOMPARE(t.extras().httpStatus, 200);
    QCOMPARE(t.extras().bytes, qint64(14)); // {"delay":0.3}\n
    QStringList order;
    Micros previousEnd = 0;
    for (const PhaseSpan &p : t.phases) {
        order << phaseName(p.kind);
        QVERIFY(p.start >= previousEnd);
        QVERIFY(p.end >= p.start);
        previousEnd = p.end;
    }
    QCOMPARE(order, (QStringList{QStringLiteral("connection_pool"), QStringLiteral("connecting"), QStringLiteral("waiting_first_byte"),
                                 QStringLiteral("downloading")}));
    const PhaseSpan &firstByte = t.phases[2];
    QVERIFY2(firstByte.end - firstByte.start >= 290000, QByteArray::number(firstByte.end - firstByte.start)); // the server's delay
}

void TestHttp::sixConnectionsPerHostMakeFourRounds()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/delay/0.5"), "\"count\": 20"), "\"http_client\": \"browser\""));
    const Statistics s = Statistics::of(trace);
    QCOMPARE(s.ok, 20);
    QVERIFY2(s.makespan >= 1950000 && s.makespan < 3000000, QByteArray::number(s.makespan));
    QCOMPARE(s.maxConcurrency, 6);
    // The last ones waited for a connection about 1.5 s: the client's pool is the bottleneck.
    const TaskTrace &last = trace.tasks.last();
    QCOMPARE(last.phases.first().kind, PhaseKind::WaitConnection);
    QVERIFY(last.phases.first().end - last.phases.first().start >= 1400000);
}

void TestHttp::raisingTheLimitMakesOneRound()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/delay/0.5"), "\"count\": 20"), "\"connections_per_host\": 20"));
    const Statistics s = Statistics::of(trace);
    QCOMPARE(s.ok, 20);
    QVERIFY2(s.makespan >= 490000 && s.makespan < 1200000, QByteArray::number(s.makespan));
    QCOMPARE(s.maxConcurrency, 20);
}

void TestHttp::theVirtualClockGivesTheIdealTimes()
{
    Scenario s = scenarioFrom(httpScenario(fetch(QStringLiteral("http://demo/delay/0.5"), "\"count\": 20")));
    s.httpClient = HttpClientKind::Browser;
    QCOMPARE(ms(runOn(ClockKind::Virtual, s, QStringLiteral("gather")).makespan()), 2000.0);
    Scenario raised = s;
    raised.connectionsPerHost = 100;
    QCOMPARE(ms(runOn(ClockKind::Virtual, raised, QStringLiteral("gather")).makespan()), 500.0);
    QCOMPARE(ms(runOn(ClockKind::Virtual, s, QStringLiteral("sequential")).makespan()), 10000.0);
    // aiohttp's connector (the default) has no limit per host but 100 connections in all.
    const Scenario python = scenarioFrom(httpScenario(fetch(QStringLiteral("http://demo/delay/0.5"), "\"count\": 150")));
    QCOMPARE(python.httpClient, HttpClientKind::Aiohttp);
    const Trace rounds = runOn(ClockKind::Virtual, python, QStringLiteral("gather"));
    QCOMPARE(ms(rounds.makespan()), 1000.0);
    QCOMPARE(Statistics::of(rounds).maxConcurrency, 100);
    Scenario httpx = python;
    httpx.httpClient = HttpClientKind::Httpx;
    QCOMPARE(ms(runOn(ClockKind::Virtual, httpx, QStringLiteral("gather")).makespan()), 1000.0);
    // connections_per_host still caps one host under either client.
    Scenario capped = python;
    capped.connectionsPerHost = 50;
    QCOMPARE(ms(runOn(ClockKind::Virtual, capped, QStringLiteral("gather")).makespan()), 1500.0);
}

void TestHttp::aTimeoutAbortsTheRequestAndTheServerSeesIt()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/delay/10"), "\"timeout_ms\": 300")));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.outcome, Outcome::Timeout);
    QCOMPARE(t.error, QStringLiteral("timed out after 300 ms"));
    QVERIFY2(t.end >= 300000 && t.end < 1000000, QByteArray::number(t.end));
    // abort() closed the socket: the server's connection is gone, long before its 10 s answer.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 3000);
}

void TestHttp::aResponseOverMaxBytesIsAborted()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/bytes/100000"), "\"max_bytes\": 1000")));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.outcome, Outcome::Failed);
    // The headers count too: the number is the body's 100000 and the demo server's head.
    const QString prefix = QStringLiteral("the response from %1/bytes/100000 is 100").arg(base());
    const QString suffix = QStringLiteral(" bytes with its headers, more than max_bytes (1000)");
    QVERIFY2(t.error.startsWith(prefix) && t.error.endsWith(suffix), qPrintable(t.error));
}

void TestHttp::eachFaultFailsWithAReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a server error") << "/status/503" << QByteArray() << "failed" << "HTTP 503 Service Unavailable";
    QTest::newRow("not found") << "/status/404" << QByteArray() << "failed" << "HTTP 404 Not Found";
    QTest::newRow("the status asked for") << "/status/503" << QByteArray("\"expect_status\": 503") << "ok" << "";
    QTest::newRow("another status than asked") << "/json" << QByteArray("\"expect_status\": 201") << "failed" << "HTTP 200 OK, expected 201";
    QTest::newRow("closed without an answer") << "/close" << QByteArray() << "failed"
                                              << "the server closed the connection before the whole response arrived";
    QTest::newRow("reset") << "/reset" << QByteArray() << "failed" << "";
}

void TestHttp::eachFaultFailsWithAReason()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, extra);
    QFETCH(QString, outcome);
    QFETCH(QString, reason);
    const Trace trace = runReal(httpScenario(fetch(base() + path, extra)));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(outcomeName(t.outcome), outcome);
    if (!reason.isEmpty())
        QCOMPARE(t.error, reason);
    if (outcome == QLatin1String("failed"))
        QVERIFY(!t.error.isEmpty());
}

void TestHttp::aServerThatNeverAnswersMeetsTheDefaultDeadline_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("filler");
    QTest::addColumn<QString>("reason"); // %1 is the URL
    QTest::newRow("silent") << QByteArray() << QByteArray() << "no answer from %1 within 0.3 s";
    // Qt 6.4 shows nothing of a head before it is whole: one that never ends is no answer either.
    QTest::newRow("a header line with no end") << QByteArray("HTTP/1.1 200 OK\r\nX-Endless: ") << QByteArray(64 * 1024, 'a')
                                            << "no answer from %1 within 0.3 s";
    QTest::newRow("a body that never ends") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes") << QByteArray()
                                            << "the response from %1 did not finish within 0.3 s";
}

void TestHttp::aServerThatNeverAnswersMeetsTheDefaultDeadline()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, filler);
    QFETCH(QString, reason);
    const RawServer server(response, filler);
    NetworkTransport::setDefaultDeadline(std::chrono::milliseconds(300));
    const Trace trace = runReal(httpScenario(fetch(server.url())));
    NetworkTransport::setDefaultDeadline(std::chrono::seconds(60));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.error, reason.arg(server.url()));
    QCOMPARE(t.outcome, Outcome::Failed);
    QVERIFY2(t.end >= 300000 && t.end < 5000000, QByteArray::number(t.end));
}

void TestHttp::aTaskTimeoutReplacesTheDefaultDeadline()
{
    const RawServer silent(QByteArray{});
    NetworkTransport::setDefaultDeadline(std::chrono::milliseconds(300));
    const Trace trace = runReal(httpScenario(fetch(silent.url(), "\"timeout_ms\": 800")));
    NetworkTransport::setDefaultDeadline(std::chrono::seconds(60));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.error, QStringLiteral("timed out after 800 ms"));
    QCOMPARE(t.outcome, Outcome::Timeout);
}

void TestHttp::aHostileResponseFailsWithItsReason_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("reason"); // %1 is the URL; empty for a response that is fine
    QTest::addColumn<qint64>("bytes");   // the body as the task counts it, when it is fine

    QTest::newRow("a redirect to another scheme") << QByteArray("HTTP/1.1 302 Found\r\nLocation: ftp://example.com/x\r\nContent-Length: 0\r\n\r\n")
                                                 << QByteArray()
                                                 << "refused a redirect from %1 to ftp://example.com/x: only http and https URLs can be fetched"
                                                 << qint64(0);
    QTest::newRow("a negative status") << QByteArray("HTTP/1.1 -200 Neg\r\nContent-Length: 2\r\n\r\nhi") << QByteArray()
                                       << "malformed response from %1: the status -200 is not a code from 100 to 599" << qint64(0);
    QTest::newRow("a length that is no number") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nhi") << QByteArray()
                                                << "malformed response from %1: Content-Length \"abc\" is not a number of bytes" << qint64(0);
    QTest::newRow("a negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhi") << QByteArray()
                                       << "malformed response from %1: Content-Length \"-5\" is not a number of bytes" << qint64(0);
    // 17 bytes of status line, 5012 and 19 of headers, the blank line, 2 of body.
    QTest::newRow("headers past max_bytes")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Filler: " + QByteArray(5000, 'x') + "\r\nContent-Length: 2\r\n\r\nhi")
        << QByteArray("\"max_bytes\": 1000") << "the response from %1 is 5052 bytes with its headers, more than max_bytes (1000)" << qint64(0);
    QTest::newRow("HEAD of a body past max_bytes") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
                                                   << QByteArray("\"method\": \"HEAD\", \"max_bytes\": 1000") << QString() << qint64(0);
    QTest::newRow("a good gzip body") << gzipResponse(gzip(QByteArray("hello world").repeated(10))) << QByteArray() << QString()
                                      << qint64(110);
    QTest::newRow("a gzip body that expands past max_bytes")
        << gzipResponse(gzip(QByteArray(20 * 1024 * 1024, '\0'))) << QByteArray()
        << "the response from %1 could not be decompressed (Content-Encoding: gzip): it is corrupt or expands past max_bytes (10485760)"
        << qint64(0);
    QTest::newRow("a corrupt gzip body") << gzipResponse("this is not gzip at all") << QByteArray()
                                         << "the response from %1 could not be decompressed (Content-Encoding: gzip): it is corrupt or "
                                            "expands past max_bytes (10485760)"
                                         << qint64(0);
}

void TestHttp::aHostileResponseFailsWithItsReason()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, extra);
    QFETCH(QString, reason);
    QFETCH(qint64, bytes);
    const RawServer server(response, {}, true);
    const Trace trace = runReal(httpScenario(fetch(server.url(), extra)));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    if (reason.isEmpty()) {
        QCOMPARE(t.error, QString());
        QCOMPARE(t.outcome, Outcome::Ok);
        QCOMPARE(t.extras().bytes, bytes);
    } else {
        QCOMPARE(t.error, reason.arg(server.url()));
        QCOMPARE(t.outcome, Outcome::Failed);
    }
}

void TestHttp::retriesBackOffAgainstAFailingServer()
{
    const Trace trace = runReal(httpScenario(fetch(base() + QStringLiteral("/status/503")), "\"retries\": {\"max\": 2, \"backoff_ms\": 100}"));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.attempts.size(), 3);
    QCOMPARE(t.outcome, Outcome::Failed);
    QVERIFY(t.attempts[1].start - t.attempts[0].end >= 100000);
    QVERIFY(t.attempts[2].start - t.attempts[1].end >= 200000);

    // A refused connection is a failure too, with where it was refused.
    std::optional<ServerThread> gone(std::in_place);
    const quint16 port = gone->port();
    gone.reset(); // nothing listens on that port now
    const Trace refused = runReal(httpScenario(fetch(QStringLiteral("http://127.0.0.1:%1/json").arg(port))));
    const TaskTrace &r = task(refused, QStringLiteral("get"));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error, QStringLiteral("connection refused by 127.0.0.1:%1 (nothing listens there)").arg(port));
}

void TestHttp::anOutsideUrlNeedsTheRealClock()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(httpScenario(fetch(QStringLiteral("https://example.org/")))), QStringLiteral("gather"));
    const TaskTrace &t = task(trace, QStringLiteral("get"));
    QCOMPARE(t.outcome, Outcome::Failed);
    QVERIFY(t.error.contains(QStringLiteral("can only be fetched on the real clock")));
}

void TestHttp::aNameThatNeverResolvesFailsAlikeOnBothClocks()
{
    // .invalid is reserved never to resolve: the scraper lesson's bad domain works offline too.
    const Scenario s = scenarioFrom(httpScenario(fetch(QStringLiteral("http://no-such-host.invalid/page"))));
    for (const ClockKind clock : {ClockKind::Virtual, ClockKind::Real}) {
        const Trace trace = runOn(clock, s, QStringLiteral("gather"));
        const TaskTrace &t = task(trace, QStringLiteral("get"));
        QCOMPARE(t.outcome, Outcome::Failed);
        QCOMPARE(t.error, QStringLiteral("host not found: no-such-host.invalid (the name does not resolve)"));
    }
}

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
