// The demo server over real loopback sockets: every endpoint, keep-alive, garbage, half requests,
// 2,000 clients at once, and its timing confirmed by an independent client (curl).

#include "demo/democonnection.h"
#include "demo/demolistener.h"
#include "demo/demoserver.h"
#include "serverthread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace concviz;
using concviz::test::ServerThread;

namespace {

struct RawResponse
{
    int status = -1;
    QByteArray head;
    QByteArray body;
    bool closed = false;
    qint64 elapsedMs = 0;
};

// Sends `request` as raw bytes and reads one response (or the connection's end).
RawResponse exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        qFatal("cannot connect to the demo server");
    QElapsedTimer timer;
    timer.start();
    socket.write(request);
    QByteArray data;
    RawResponse r;
    while (timer.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(100) && socket.state() != QAbstractSocket::ConnectedState) {
            r.closed = true;
            break;
        }
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = data.left(end);
            const qsizetype lengthAt = head.toLower().indexOf("content-length: ");
            const qint64 length = lengthAt < 0 ? 0 : head.mid(lengthAt + 16, head.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
            if (data.size() >= end + 4 + length) {
                r.head = head;
                r.body = data.mid(end + 4, length);
                r.status = head.mid(9, 3).toInt();
                break;
            }
        }
    }
    r.elapsedMs = timer.elapsed();
    return r;
}

// Everything the server sends until it closes the connection, waiting at most 10 s.
QByteArray readUntilClosed(QTcpSocket &socket)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000) {
        socket.waitForReadyRead(200);
        data += socket.readAll();
    }
    return data + socket.readAll();
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

// Runs curl on `urls` with at most `parallel` transfers at once; returns the wall time in ms.
qint64 curlParallel(const QStringList &urls, int parallel)
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        qFatal("curl is needed to check the server's timing with an independent client");
    QTemporaryFile config;
    config.open();
    for (const QString &url : urls)
        config.write("url = \"" + url.toUtf8() + "\"\noutput = \"/dev/null\"\n");
    config.flush();
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(curl, {QStringLiteral("--silent"), QStringLiteral("--fail"), QStringLiteral("--parallel"), QStringLiteral("--parallel-max"),
                   QString::number(parallel), QStringLiteral("--config"), config.fileName()});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("curl failed: %s", p.readAllStandardError().constData());
    return timer.elapsed();
}

} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyEndpointAnswers_data();
    void everyEndpointAnswers();
    void aDelayIsHeldForItsTime();
    void aDripArrivesSlowly();
    void closeAndResetEndTheConnection();
    void oneConnectionServesManyRequests();
    void aPipelinedFloodIsAnsweredInOrder();
    void garbageIsRefusedAndOthersGoOn();
    void aClientThatNeverFinishesItsHeadersIsDropped();
    void twoThousandClientsAtOnce();
    void curlSeesTheSameTiming();
    void statusLinesCarryTheStandardPhrase_data();
    void statusLinesCarryTheStandardPhrase();
    void strictParsing_data();
    void strictParsing();
    void aBadRequestBehindAGoodOneIsRefused();
    void aHalfClosedClientStillGetsItsAnswer();
    void aClientThatClosesWhileWaitingIsLetGo();
    void aClientThatNeverReadsCannotCrowdOthersOut();
    void aClientThatNeverReadsIsDroppedInTime();
    void aClientThatSendsWithoutEndWhileWaitingIsHeldBack();
    void manyClientsThatNeverReadStayWithinTheBudget();
    void anIdleConnectionIsClosed();
    void aSilentConnectionIsClosed();
    void connectionsOverTheCapAreTurnedAway();
    void anIdleConnectionGivesWayAtTheCap();
    void runningOutOfDescriptorsIsSurvived();
    void serveWithFewDescriptorsKeepsAnswering();

private:
    std::unique_ptr<ServerThread> m_server;
    quint16 m_port = 0;
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
};

void TestDemoServer::initTestCase()
{
#ifdef Q_OS_UNIX
    // 2,000 clients and their 2,000 server sides need more than the usual 1,024 open files.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = std::max<rlim_t>(files.rlim_cur, std::min<rlim_t>(files.rlim_max, 8192));
    setrlimit(RLIMIT_NOFILE, &files);
#endif
    m_server = std::make_unique<ServerThread>();
    m_port = m_server->port();
}

void TestDemoServer::everyEndpointAnswers_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("bodyContains");
    QTest::newRow("index") << QByteArray("/") << 200 << QByteArray("/delay/{seconds}");
    QTest::newRow("delay") << QByteArray("/delay/0.05") << 200 << QByteArray("\"delay\":0.05");
    QTest::newRow("status") << QByteArray("/status/503") << 503 << QByteArray("503");
    QTest::newRow("bytes") << QByteArray("/bytes/1000") << 200 << QByteArray("ConcViz demo bytes");
    QTest::newRow("json") << QByteArray("/json") << 200 << QByteArray("slideshow");
    QTest::newRow("users") << QByteArray("/users/ada") << 200 << QByteArray("\"login\":\"ada\"");
    QTest::newRow("unknown") << QByteArray("/nowhere") << 404 << QByteArray("no such endpoint");
    QTest::newRow("bad delay") << QByteArray("/delay/soon") << 400 << QByteArray("needs a number");
    QTest::newRow("a slow failure") << QByteArray("/status/503?delay=0.05") << 503 << QByteArray("503");
    QTest::newRow("bad ?delay") << QByteArray("/json?delay=soon") << 400 << QByteArray("?delay= needs a number");
}

void TestDemoServer::everyEndpointAnswers()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyContains);
    const RawResponse r = exchange(m_port, get(target));
    QCOMPARE(r.status, status);
    QVERIFY2(r.body.contains(bodyContains), r.body.constData());
    QVERIFY(r.head.contains("\r\nDate: "));
    QVERIFY(r.head.contains("\r\nContent-Length: " + QByteArray::number(r.body.size())));
    if (target == "/bytes/1000")
        QCOMPARE(r.body.size(), 1000);
}

void TestDemoServer::aDelayIsHeldForItsTime()
{
    const RawResponse r = exchange(m_port, get("/delay/0.3"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs >= 295, QByteArray::number(r.elapsedMs));
    QVERIFY2(r.elapsedMs < 1500, QByteArray::number(r.elapsedMs));
    // ?delay= holds any endpoint's answer the same way.
    const RawResponse slow = exchange(m_port, get("/status/503?delay=0.3"));
    QCOMPARE(slow.status, 503);
    QVERIFY2(slow.elapsedMs >= 295, QByteArray::number(slow.elapsedMs));
    QVERIFY2(slow.elapsedMs < 1500, QByteArray::number(slow.elapsedMs));
}

void TestDemoServer::aDripArrivesSlowly()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(2000));
    socket.write(get("/drip?numbytes=20&duration=0.6"));
    QElapsedTimer timer;
    timer.start();
    QByteArray data;
    qint64 firstBodyByte = -1;
    auto bodySize = [&] {
        const qsizetype end = data.indexOf("\r\n\r\n");
        return end < 0 ? qsizetype(-1) : data.size() - end - 4;
    };
    while (bodySize() < 20 && timer.elapsed() < 5000) {
        socket.waitForReadyRead(20);
        data += socket.readAll();
        if (firstBodyByte < 0 && bodySize() > 0)
            firstBodyByte = timer.elapsed();
    }
    const qint64 last = timer.elapsed();
    QCOMPARE(bodySize(), qsizetype(20));
    QVERIFY2(last - firstBodyByte >= 400, QByteArray::number(last - firstBodyByte)); // spread over the duration
    QVERIFY2(last >= 580, QByteArray::number(last));
}

void TestDemoServer::closeAndResetEndTheConnection()
{
    const RawResponse closed = exchange(m_port, get("/close"));
    QVERIFY(closed.closed);
    QCOMPARE(closed.status, -1);
    // curl, an independent client, tells a clean close (52: empty reply) from a reset (56: recv failure).
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    QVERIFY(!curl.isEmpty());
    QCOMPARE(QProcess::execute(curl, {QStringLiteral("-s"), base() + QStringLiteral("/close")}), 52);
    QCOMPARE(QProcess::execute(curl, {QStringLiteral("-s"), base() + QStringLiteral("/reset")}), 56);
}

void TestDemoServer::oneConnectionServesManyRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(2000));
    // Two requests at once on one connection (pipelined): two answers, in order.
    socket.write(get("/users/first") + get("/users/second"));
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (data.count("HTTP/1.1 200") < 2 || !data.contains("second\""))
        if (!socket.waitForReadyRead(2000) || timer.elapsed() > 5000)
            break;
        else
            data += socket.readAll();
    QCOMPARE(data.count("HTTP/1.1 200"), qsizetype(2));
    QVERIFY(data.indexOf("first") < data.indexOf("second"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // kept alive
}

void TestDemoServer::aPipelinedFloodIsAnsweredInOrder()
{
    // One client sends 40,000 requests at once on one connection. The server must answer every one
    // of them, one at a time, however many are waiting, and stay up for everyone else.
    constexpr int count = 40000;
    const qint64 servedBefore = m_server->requestsServed();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(2000));
    QByteArray flood;
    for (int i = 0; i < count; ++i)
        flood += "GET /json HTTP/1.1\r\nHost: x\r\n\r\n";
    socket.write(flood);
    const QByteArray statusLine = "HTTP/1.1 200";
    qsizetype answers = 0;
    QByteArray tail; // the end of the last read, where a status line may have been cut in two
    QElapsedTimer timer;
    timer.start();
    while (answers < count && timer.elapsed() < 120000) {
        if (!socket.waitForReadyRead(1000) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        const QByteArray data = tail + socket.readAll();
        answers += data.count(statusLine);
        tail = data.right(statusLine.size() - 1);
    }
    QCOMPARE(answers, qsizetype(count));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // kept alive
    QCOMPARE(m_server->requestsServed() - servedBefore, qint64(count));
    // The server still answers others afterwards.
    QCOMPARE(exchange(m_port, get("/json")).status, 200);
}

void TestDemoServer::garbageIsRefusedAndOthersGoOn()
{
    const RawResponse bad = exchange(m_port, QByteArray("\x01\x02 hello there\r\n\r\n"));
    QCOMPARE(bad.status, 400);
    const RawResponse huge = exchange(m_port, "GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'x') + "\r\n\r\n");
    QCOMPARE(huge.status, 431);
    const RawResponse fine = exchange(m_port, get("/json"));
    QCOMPARE(fine.status, 200);
}

void TestDemoServer::aClientThatNeverFinishesItsHeadersIsDropped()
{
    ServerThread strict(300 * 1000);
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, strict.port());
    QVERIFY(slow.waitForConnected(2000));
    slow.write("GET /json HTTP/1.1\r\nHost: loc");
    QTRY_COMPARE_WITH_TIMEOUT(strict.openConnections(), 1, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(strict.openConnections(), 0, 2000);
}

void TestDemoServer::twoThousandClientsAtOnce()
{
    // Every client asks for a delayed answer, so all 2,000 connections are open at the same time,
    // past the default cap of 512 that a lesson never comes near.
    m_server->configure([](DemoServer &s) { s.setMaxConnections(4096); });
    const qint64 servedBefore = m_server->requestsServed();
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    int answered = 0;
    for (int i = 0; i < 2000; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        connect(s, &QTcpSocket::connected, s, [s, i] { s->write(get("/delay/1?client=" + QByteArray::number(i))); });
        connect(s, &QTcpSocket::readyRead, s, [s, &answered] {
            if (s->property("done").toBool())
                return;
            s->setProperty("seen", s->property("seen").toByteArray() + s->readAll());
            if (s->property("seen").toByteArray().startsWith("HTTP/1.1 200")) {
                s->setProperty("done", true);
                ++answered;
            }
        });
        s->connectToHost(QHostAddress::LocalHost, m_port);
        clients.push_back(std::move(socket));
    }
    int mostOpen = 0;
    QElapsedTimer timer;
    timer.start();
    while (answered < 2000 && timer.elapsed() < 60000) {
        QTest::qWait(20);
        mostOpen = std::max(mostOpen, m_server->openConnections());
    }
    QCOMPARE(answered, 2000);
    QCOMPARE(m_server->requestsServed() - servedBefore, qint64(2000));
    QVERIFY2(mostOpen >= 1500, QByteArray::number(mostOpen)); // they really were there at once
    // The server still answers others afterwards.
    QCOMPARE(exchange(m_port, get("/json")).status, 200);
}

void TestDemoServer::curlSeesTheSameTiming()
{
    // 20 requests of 0.5 s: all at once take about 0.5 s, six at a time take four rounds, about 2 s.
    QStringList urls;
    for (int i = 0; i < 20; ++i)
        urls << base() + QStringLiteral("/delay/0.5");
    const qint64 together = curlParallel(urls, 20);
    const qint64 sixAtATime = curlParallel(urls, 6);
    QVERIFY2(together >= 480 && together < 1200, QByteArray::number(together));
    QVERIFY2(sixAtATime >= 1950 && sixAtATime < 3200, QByteArray::number(sixAtATime));
}

void TestDemoServer::statusLinesCarryTheStandardPhrase_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("200") << get("/json") << QByteArray("HTTP/1.1 200 OK");
    QTest::newRow("202") << get("/status/202") << QByteArray("HTTP/1.1 202 Accepted");
    QTest::newRow("307") << get("/status/307") << QByteArray("HTTP/1.1 307 Temporary Redirect");
    QTest::newRow("405") << get("/post") << QByteArray("HTTP/1.1 405 Method Not Allowed");
    QTest::newRow("409") << get("/status/409") << QByteArray("HTTP/1.1 409 Conflict");
    QTest::newRow("422") << get("/status/422") << QByteArray("HTTP/1.1 422 Unprocessable Content");
    QTest::newRow("501") << get("/status/501") << QByteArray("HTTP/1.1 501 Not Implemented");
    QTest::newRow("503") << get("/status/503") << QByteArray("HTTP/1.1 503 Service Unavailable");
    QTest::newRow("505") << get("/status/505") << QByteArray("HTTP/1.1 505 HTTP Version Not Supported");
    QTest::newRow("413 refused") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n")
                                 << QByteArray("HTTP/1.1 413 Content Too Large");
    QTest::newRow("431 refused") << "GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'x') + "\r\n\r\n"
                                 << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
}

void TestDemoServer::statusLinesCarryTheStandardPhrase()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    const RawResponse r = exchange(m_port, request);
    QCOMPARE(r.head.left(r.head.indexOf("\r\n")), statusLine);
}

void TestDemoServer::strictParsing_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray smuggled = get("/users/smuggled");
    QTest::newRow("two lengths") << "POST /post HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: " + QByteArray::number(smuggled.size())
                                        + "\r\n\r\n" + smuggled
                                 << 400;
    QTest::newRow("a list of lengths") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 2, 3\r\n\r\nabc") << 400;
    QTest::newRow("plus") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello") << 400;
    QTest::newRow("minus") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: -5\r\n\r\nhello") << 400;
    QTest::newRow("letters") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: abc\r\n\r\nhello") << 400;
    QTest::newRow("empty length") << QByteArray("POST /post HTTP/1.1\r\nContent-Length:\r\n\r\n") << 400;
    QTest::newRow("length and chunked") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello")
                                        << 400;
    static const char controlBytes[] = "\x00\x01 / HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::newRow("method of control bytes") << QByteArray(controlBytes, sizeof controlBytes - 1) << 400;
    QTest::newRow("space before colon") << QByteArray("GET /json HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("HTTP/1.9") << QByteArray("GET /json HTTP/1.9\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /json HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("not a version") << QByteArray("GET /json HTTX/1.1\r\nHost: x\r\n\r\n") << 400;
    // What is allowed stays allowed.
    QTest::newRow("HTTP/1.0") << QByteArray("GET /json HTTP/1.0\r\n\r\n") << 200;
    QTest::newRow("the same length twice") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello")
                                           << 200;
    QTest::newRow("a plain length") << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello") << 200;
}

void TestDemoServer::strictParsing()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const RawResponse r = exchange(m_port, request);
    QCOMPARE(r.status, status);
    if (status != 200) {
        // A refusal ends the connection: nothing after it is taken as a request of its own.
        QVERIFY(r.head.contains("\r\nConnection: close"));
        QVERIFY(!r.body.contains("smuggled"));
    }
}

void TestDemoServer::aBadRequestBehindAGoodOneIsRefused()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(2000));
    socket.write(get("/json") + "GET /json HTTP/1.9\r\nHost: x\r\n\r\n");
    QByteArray data = readUntilClosed(socket);
    QVERIFY2(data.startsWith("HTTP/1.1 200 OK\r\n"), data.constData());
    QVERIFY2(data.contains("}\nHTTP/1.1 505 HTTP Version Not Supported\r\n"), data.constData());
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestDemoServer::aHalfClosedClientStillGetsItsAnswer()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(2000));
    socket.write(get("/delay/1"));
    QVERIFY(socket.waitForBytesWritten(2000));
    // The client says it has nothing more to send, and waits for its answer.
    QCOMPARE(::shutdown(static_cast<int>(socket.socketDescriptor()), SHUT_WR), 0);
    QByteArray data = readUntilClosed(socket);
    // An interim 100 Continue may come first: HTTP/1.1 clients skip it.
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
    if (data.startsWith(interim))
        data.remove(0, interim.size());
    QVERIFY2(data.startsWith("HTTP/1.1 200 OK\r\n"), data.constData());
    QVERIFY2(data.endsWith("{\"delay\":1}\n"), data.constData());
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState); // and then the server closes
}

void TestDemoServer::aClientThatClosesWhileWaitingIsLetGo()
{
    ServerThread server;
    for (const bool reset : {false, true}) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(2000));
        socket.write(get("/delay/30"));
        QVERIFY(socket.waitForBytesWritten(2000));
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, 5000);
        if (reset) {
            const linger option{1, 0};
            ::setsockopt(static_cast<int>(socket.socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
        }
        socket.abort();
        // Long before the answer is due, the server has let the connection go.
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
    }
}

void TestDemoServer::aClientThatNeverReadsCannotCrowdOthersOut()
{
    ServerThread server;
    // A greedy client asks for the largest answers many times over and never reads them.
    QTcpSocket greedy;
    // The test's event loop would read for it into an unbounded buffer: a small one keeps the
    // bytes with the system, as for a client that really never reads.
    greedy.setReadBufferSize(16 * 1024);
    greedy.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(greedy.waitForConnected(2000));
    QByteArray flood;
    for (int i = 0; i < 20; ++i)
        flood += get("/bytes/99999999999");
    greedy.write(flood);
    QVERIFY(greedy.waitForBytesWritten(2000));
    QTRY_VERIFY_WITH_TIMEOUT(server.queuedBytes() > 0, 5000); // what the system's buffers could not take
    // Others are still answered at once, and the server holds little for the greedy one.
    for (int i = 0; i < 3; ++i) {
        const RawResponse r = exchange(server.port(), get("/json"), 10000);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.elapsedMs < 2000, QByteArray::number(r.elapsedMs));
        QVERIFY2(server.queuedBytes() < 1024 * 1024, QByteArray::number(server.queuedBytes()));
    }
    // The greedy client gets its bytes as it reads them.
    QByteArray head;
    QElapsedTimer timer;
    timer.start();
    qint64 received = 0;
    while (received < 8 * 1024 * 1024 && timer.elapsed() < 20000) {
        greedy.waitForReadyRead(200);
        received += greedy.readAll().size();
        QVERIFY2(server.queuedBytes() < 1024 * 1024, QByteArray::number(server.queuedBytes()));
    }
    QVERIFY2(received >= 8 * 1024 * 1024, QByteArray::number(received));
}

void TestDemoServer::aClientThatNeverReadsIsDroppedInTime()
{
    // One that takes nothing of its answer does not keep its place for ever: after the send
    // timeout without progress its connection is closed and what was held for it is given back.
    ServerThread server;
    server.configure([](DemoServer &s) { s.setSendTimeout(400 * 1000); });
    QTcpSocket stuck;
    stuck.setReadBufferSize(16 * 1024); // see above: the bytes stay with the system
    stuck.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(stuck.waitForConnected(2000));
    stuck.write(get("/bytes/99999999999"));
    QVERIFY(stuck.waitForBytesWritten(2000));
    QTRY_VERIFY_WITH_TIMEOUT(server.queuedBytes() > 0, 5000);
    QCOMPARE(server.openConnections(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000);
    QCOMPARE(server.queuedBytes(), 0);
}

void TestDemoServer::aClientThatSendsWithoutEndWhileWaitingIsHeldBack()
{
    ServerThread server;
    QTcpSocket pushy;
    pushy.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(pushy.waitForConnected(2000));
    pushy.write(get("/delay/60") + get("/json"));
    // Then bytes without end while the first answer is pending: they must wait in the operating
    // system, not pile up in the server.
    const QByteArray chunk(256 * 1024, 'x');
    qint64 handedOver = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 3000 && handedOver < 256 * 1024 * 1024) {
        if (pushy.bytesToWrite() < 1024 * 1024)
            handedOver += pushy.write(chunk);
        pushy.waitForBytesWritten(20);
    }
    const qint64 sent = handedOver - pushy.bytesToWrite();
    QVERIFY2(sent < 64 * 1024 * 1024, QByteArray::number(sent)); // the socket buffers of the system, no more
    QVERIFY2(server.bufferedInputBytes() < 256 * 1024, QByteArray::number(server.bufferedInputBytes()));
    QCOMPARE(exchange(server.port(), get("/json")).status, 200);
}

void TestDemoServer::manyClientsThatNeverReadStayWithinTheBudget()
{
    ServerThread server;
    constexpr qint64 budget = 256 * 1024;
    server.configure([](DemoServer &s) { s.setOutputBudget(budget); });
    std::vector<std::unique_ptr<QTcpSocket>> greedy;
    for (int i = 0; i < 20; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setReadBufferSize(16 * 1024); // it never reads (see aClientThatNeverReadsCannotCrowdOthersOut)
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket->waitForConnected(2000));
        socket->write(get("/bytes/99999999999") + get("/bytes/99999999999"));
        QVERIFY(socket->waitForBytesWritten(2000));
        greedy.push_back(std::move(socket));
    }
    QTRY_VERIFY_WITH_TIMEOUT(server.queuedBytes() > budget, 5000);
    // Past the budget each connection keeps only its small share: a client that does read still
    // gets a large answer whole.
    const RawResponse r = exchange(server.port(), get("/bytes/2000000"), 20000);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), 2000000);
    const qint64 bound = budget + 20 * DemoConnection::guaranteedOutput + DemoConnection::maxUnsentOutput;
    QVERIFY2(server.queuedBytes() <= bound, QByteArray::number(server.queuedBytes()));
}

void TestDemoServer::anIdleConnectionIsClosed()
{
    ServerThread server;
    server.configure([](DemoServer &s) { s.setIdleTimeout(300 * 1000); });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(2000));
    // A wait for an answer longer than the idle timeout is not idleness.
    socket.write(get("/delay/0.8"));
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (!data.endsWith("}\n") && timer.elapsed() < 10000) {
        socket.waitForReadyRead(100);
        data += socket.readAll();
    }
    QVERIFY2(data.startsWith("HTTP/1.1 200 OK\r\n"), data.constData());
    QVERIFY(data.contains("\r\nConnection: keep-alive\r\n"));
    // Then nothing more comes: the server closes the connection, well before the default 15 s.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 2000);
}

void TestDemoServer::aSilentConnectionIsClosed()
{
    // A client that connects and never sends a byte holds a place no longer than an idle one.
    ServerThread server;
    server.configure([](DemoServer &s) { s.setIdleTimeout(300 * 1000); });
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(silent.waitForConnected(2000));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 2000);
}

void TestDemoServer::connectionsOverTheCapAreTurnedAway()
{
    ServerThread server;
    server.configure([](DemoServer &s) { s.setMaxConnections(2); });
    QTcpSocket first, second;
    for (QTcpSocket *s : {&first, &second}) {
        s->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s->waitForConnected(2000));
        s->write(get("/delay/1.5")); // both busy: neither can make room
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 2, 5000);
    QTest::qWait(100);
    // The third is told, cleanly, to come back later.
    const RawResponse turnedAway = exchange(server.port(), get("/json"));
    QCOMPARE(turnedAway.head.left(turnedAway.head.indexOf("\r\n")), QByteArray("HTTP/1.1 503 Service Unavailable"));
    QVERIFY(turnedAway.head.contains("\r\nConnection: close"));
    QVERIFY(turnedAway.body.contains("too many connections"));
    // Those within the cap are served as before, and a place that frees is taken again.
    QVERIFY(first.waitForReadyRead(5000));
    QVERIFY(first.readAll().startsWith("HTTP/1.1 200 OK"));
    second.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, 5000);
    QCOMPARE(exchange(server.port(), get("/json")).status, 200);
}

void TestDemoServer::anIdleConnectionGivesWayAtTheCap()
{
    // Clients that only hold connections cannot keep out one that asks for something: at the cap,
    // the connection idle the longest is closed to make room, the others stay.
    ServerThread server;
    server.configure([](DemoServer &s) { s.setMaxConnections(2); });
    QTcpSocket oldest, newer;
    for (QTcpSocket *s : {&oldest, &newer}) {
        s->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s->waitForConnected(2000));
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), s == &oldest ? 1 : 2, 2000);
        QTest::qWait(20);
    }
    QCOMPARE(exchange(server.port(), get("/json")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(oldest.state(), QAbstractSocket::UnconnectedState, 2000);
    QCOMPARE(newer.state(), QAbstractSocket::ConnectedState);
    newer.write(get("/json"));
    QVERIFY(newer.waitForReadyRead(5000));
    QVERIFY(newer.readAll().startsWith("HTTP/1.1 200 OK"));
}

#ifdef Q_OS_UNIX
namespace {

[[maybe_unused]] int openDescriptors()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// A python3 child that, once told to go, opens `count` connections to `port`, says so, and holds
// them for `seconds`. Started before the test tightens its own limit, which it does not share.
std::unique_ptr<QProcess> connectionHolder(quint16 port, int count, double seconds)
{
    auto p = std::make_unique<QProcess>();
    p->start(QStringLiteral("python3"),
             {QStringLiteral("-c"),
              QStringLiteral("import socket,sys,time\nsys.stdin.readline()\n"
                             "s=[socket.create_connection(('127.0.0.1',%1)) for _ in range(%2)]\n"
                             "print('open',flush=True)\ntime.sleep(%3)\n")
                  .arg(port)
                  .arg(count)
                  .arg(seconds)});
    if (!p->waitForStarted(10000))
        qFatal("python3 is needed to open many connections at once");
    return p;
}

void holdNow(QProcess &holder)
{
    holder.write("go\n");
    if (!holder.waitForReadyRead(10000))
        qFatal("python3 could not open its connections: %s", holder.readAllStandardError().constData());
}

double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(')').last().split(' ');
    // After the command's ")": state is field 1; utime and stime are fields 12 and 13.
    return (fields.value(12).toDouble() + fields.value(13).toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace
#endif

void TestDemoServer::runningOutOfDescriptorsIsSurvived()
{
#if !defined(Q_OS_UNIX)
    QSKIP("file descriptor limits are a Unix matter");
#elif defined(__SANITIZE_ADDRESS__)
    // The sanitizers' own checks open files; in a process with none left they report errors of
    // their own. The optimised build runs this test, and serveWithFewDescriptorsKeepsAnswering
    // runs the sanitized program out of descriptors in a process of its own.
    QSKIP("the sanitizers need file descriptors of their own");
#else
    // The listener alone, in this process, with a handful of descriptors to spare: clients past
    // them are taken and closed rather than left to wake the thread for ever.
    DemoListener listener;
    QVERIFY(listener.listenOn(QHostAddress::LocalHost, 0));
    std::vector<int> kept;
    connect(&listener, &DemoListener::accepted, this, [&](qintptr fd) { kept.push_back(static_cast<int>(fd)); });
    const auto clients = connectionHolder(listener.serverPort(), 40, 3);
    rlimit saved{};
    getrlimit(RLIMIT_NOFILE, &saved);
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(openDescriptors() + 10);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &tight), 0);
    holdNow(*clients);
    QTRY_VERIFY_WITH_TIMEOUT(listener.droppedForDescriptors() + static_cast<qint64>(kept.size()) >= 40, 5000);
    const double cpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    QTest::qWait(500);
    const double cpuAfter = cpuSeconds(QCoreApplication::applicationPid());
    setrlimit(RLIMIT_NOFILE, &saved);
    clients->kill();
    clients->waitForFinished(5000);
    for (int fd : kept)
        ::close(fd);
    QVERIFY2(kept.size() < 40 && listener.droppedForDescriptors() > 0,
             qPrintable(QStringLiteral("kept %1, dropped %2").arg(kept.size()).arg(listener.droppedForDescriptors())));
    // Nothing left to accept: the thread sleeps (a spinning one would use the whole half second).
    QVERIFY2(cpuAfter - cpuBefore < 0.25, qPrintable(QStringLiteral("%1 s of CPU in 0.5 s").arg(cpuAfter - cpuBefore)));
#endif
}

void TestDemoServer::serveWithFewDescriptorsKeepsAnswering()
{
#ifndef Q_OS_UNIX
    QSKIP("file descriptor limits are a Unix matter");
#else
    // `concviz serve` allowed 128 open files, against 300 connections that say nothing: the
    // server keeps within its files and still answers a client that asks.
    QProcess serve;
    serve.setChildProcessModifier([] {
        rlimit files{128, 128};
        setrlimit(RLIMIT_NOFILE, &files);
    });
    serve.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("serve")});
    QVERIFY(serve.waitForReadyRead(10000));
    const QByteArray banner = serve.readLine();
    const quint16 port = static_cast<quint16>(banner.mid(banner.lastIndexOf(':') + 1).split('/').first().toUInt());
    QVERIFY2(port > 0, banner.constData());
    const auto clients = connectionHolder(port, 300, 5);
    holdNow(*clients);
    QTest::qWait(300);
    const double cpuBefore = cpuSeconds(serve.processId());
    QTest::qWait(500);
    const double cpuAfter = cpuSeconds(serve.processId());
    const RawResponse json = exchange(port, get("/json"), 3000);
    serve.kill();
    serve.waitForFinished(5000);
    clients->kill();
    clients->waitForFinished(5000);
    QCOMPARE(json.status, 200);
    QVERIFY2(cpuAfter - cpuBefore < 0.25, qPrintable(QStringLiteral("%1 s of CPU in 0.5 s").arg(cpuAfter - cpuBefore)));
#endif
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
