#include "pythonprogram.h"

#include "../scenario/databasetarget.h"
#include "../scenario/strategydefinition.h"
#include "../scenario/taskkinddefinition.h"

#include <QRegularExpression>
#include <QSet>

namespace concviz {

namespace {

// A Python string literal of any text: quotes, backslashes and control characters escaped.
QString pyString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
            out += c;
        } else if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\t')) {
            out += QStringLiteral("\\t");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format
                   || c == QChar::LineSeparator || c == QChar::ParagraphSeparator || c.isSurrogate()) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

// Text from the file inside a comment or a docstring: one line, no control characters, no quotes
// that could end the docstring.
QString pyCommentText(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format || c.isSurrogate()
                   || c == QChar::LineSeparator || c == QChar::ParagraphSeparator
               ? QLatin1Char(' ')
               : c;
    out.replace(QLatin1Char('\\'), QStringLiteral("/"));
    out.replace(QLatin1String("\"\"\""), QStringLiteral("\"\" \""));
    return out;
}

// Milliseconds as a Python number of seconds: 1000 → 1.0, 250 → 0.25.
QString pySeconds(double ms)
{
    QString s = QString::number(ms / 1000.0, 'f', 6);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s += QLatin1Char('0');
    return s;
}

// Wraps text at `width` columns, each line starting with `prefix`.
QString wrapped(const QString &text, const QString &prefix, int width = 96)
{
    QString out;
    QString line = prefix;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (line.size() > prefix.size() && line.size() + 1 + word.size() > width) {
            out += line + QLatin1Char('\n');
            line = prefix;
        }
        if (line.size() > prefix.size())
            line += QLatin1Char(' ');
        line += word;
    }
    if (line.size() > prefix.size())
        out += line + QLatin1Char('\n');
    return out;
}

// A Python name for a task's function: "slow site" → slow_site, "2nd" → task_2nd.
QString pyIdentifier(const QString &name, QSet<QString> &taken)
{
    static const QSet<QString> reserved{
        QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"), QStringLiteral("and"), QStringLiteral("as"),
        QStringLiteral("assert"), QStringLiteral("async"), QStringLiteral("await"), QStringLiteral("break"), QStringLiteral("class"),
        QStringLiteral("continue"), QStringLiteral("def"), QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"),
        QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"), QStringLiteral("lambda"),
        QStringLiteral("nonlocal"), QStringLiteral("not"), QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield"),
        // the program's own names
        QStringLiteral("main"), QStringLiteral("run_task"), QStringLiteral("run_lesson"), QStringLiteral("trace"), QStringLiteral("burn"),
        QStringLiteral("client"), QStringLiteral("query"), QStringLiteral("pool"), QStringLiteral("executor"), QStringLiteral("limited"),
        QStringLiteral("worker"), QStringLiteral("asyncio"), QStringLiteral("time"), QStringLiteral("json"), QStringLiteral("sys"),
        QStringLiteral("argparse"), QStringLiteral("socket"), QStringLiteral("ssl"), QStringLiteral("os"), QStringLiteral("sqlite3"),
        QStringLiteral("contextlib"), QStringLiteral("concurrent"), QStringLiteral("urllib"), QStringLiteral("limiter"),
        QStringLiteral("semaphore"), QStringLiteral("queue"), QStringLiteral("record"), QStringLiteral("Trace"), QStringLiteral("Record"),
        QStringLiteral("HttpClient"), QStringLiteral("HTTPStatus"), QStringLiteral("run_query"), QStringLiteral("others"),
        QStringLiteral("demo_database"), QStringLiteral("SlidingWindowLimiter"), QStringLiteral("print"), QStringLiteral("range"),
        QStringLiteral("len"), QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("str"), QStringLiteral("int")};
    QString id;
    for (const QChar c : name.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            id += c;
        else if (!id.endsWith(QLatin1Char('_')))
            id += QLatin1Char('_');
    }
    while (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    while (id.startsWith(QLatin1Char('_')))
        id.remove(0, 1);
    if (id.isEmpty())
        id = QStringLiteral("task");
    if (id.front().isDigit() || reserved.contains(id) || id.size() > 40)
        id = QStringLiteral("task_") + id.left(40);
    QString unique = id;
    for (int n = 2; taken.contains(unique); ++n)
        unique = id + QLatin1Char('_') + QString::number(n);
    taken.insert(unique);
    return unique;
}

// The asyncio code a definition mirrors, as comment lines under `indent`.
QString commented(const QString &code, const QString &indent)
{
    QString out;
    for (const QString &line : code.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out += indent + QStringLiteral("# ") + line + QLatin1Char('\n');
    return out;
}

const char traceCode[] = R"py(
# ---- What happened: each task's start, end, state and attempts, printed as it goes ---------------

class Record:
    def __init__(self, name):
        self.name = name
        self.state = "pending"
        self.start = None  # seconds from the start of the run
        self.end = None
        self.attempts = 0
        self.error = None


class Trace:
    """The times ConcViz draws: when each task starts and ends, and how it ends."""

    def __init__(self, names):
        self.records = [Record(name) for name in names]
        self.waiting = {}
        for record in self.records:
            self.waiting.setdefault(record.name, []).append(record)
        self.quiet = False  # --json: no lines, only the JSON at the end
        self.t0 = time.perf_counter()

    def now(self):
        return time.perf_counter() - self.t0

    def say(self, text):
        if not self.quiet:
            try:
                print(f"{self.now():7.2f} s  {text}", flush=True)
            except BrokenPipeError:  # the reader has gone (python3 program.py | head): print no more
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                self.quiet = True

    def started(self, name):
        record = self.waiting[name].pop(0)
        record.start = self.now()
        self.say(f"{name} started")
        return record

    def ended(self, record, state, error=None):
        record.end = self.now()
        record.state, record.error = state, error
        took = record.end - record.start
        if state == "ok":
            self.say(f"{record.name} done in {took:.2f} s")
        elif state == "failed":
            self.say(f"{record.name} failed after {took:.2f} s: {error}")
        elif state == "timeout":
            self.say(f"{record.name} {error}")
        else:
            self.say(f"{record.name} cancelled after {took:.2f} s" + (f": {error}" if error else ""))

    def finish(self, reason):
        """Tasks that never started were cancelled when the run ended."""
        makespan = self.now()
        for record in self.records:
            if record.state == "pending" and record.start is None:
                record.state, record.end, record.error = "cancelled", makespan, reason
            elif record.state == "cancelled" and record.error is None:
                record.error = reason
        return makespan

    def summary(self, makespan):
        counts = {}
        for record in self.records:
            counts[record.state] = counts.get(record.state, 0) + 1
        words = {"ok": "ok", "failed": "failed", "timeout": "timed out", "cancelled": "cancelled"}
        ended = ", ".join(f"{counts[s]} {w}" for s, w in words.items() if s in counts)
        return f"makespan {makespan:.2f} s · {len(self.records)} tasks: {ended}"

    def as_json(self, makespan):
        ms = lambda seconds: None if seconds is None else round(seconds * 1000, 3)
        return {"scenario": SCENARIO, "strategy": STRATEGY, "clock": "asyncio", "makespan_ms": ms(makespan),
                "tasks": [{"name": r.name, "state": r.state, "start_ms": ms(r.start), "end_ms": ms(r.end),
                           "attempts": r.attempts, "error": r.error} for r in self.records]}
)py";

const char burnCode[] = R"py(

def burn(seconds):
    """CPU work: computes until this thread has used `seconds` of CPU time (waits for the GIL do not count)."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        sum(i * i for i in range(200))
)py";

const char httpCode[] = R"py(

# ---- HTTP: a small HTTP/1.1 client on asyncio streams ------------------------------------------

class HttpClient:
    """GET, HEAD or POST over asyncio.open_connection, one connection per request. At most `limit`
    connections are open at once in all and `limit_per_host` to one host, as the Python clients (and
    browsers) keep; a request without a timeout of its own gets 60 s to answer."""

    def __init__(self, limit, limit_per_host):
        self.total = asyncio.Semaphore(limit) if limit else contextlib.nullcontext()
        self.limit_per_host = limit_per_host
        self.hosts = {}

    async def request(self, method, url, headers=None, body="", expect_status=None, max_bytes=10 * 2**20,
                      answer_within=60):
        url = resolve_demo(url)
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        per_host = self.hosts.setdefault((parts.hostname, port), asyncio.Semaphore(self.limit_per_host))
        async with per_host, self.total:  # waits for a free connection, as the client's pool does
            if not answer_within:  # the task's own timeout (asyncio.wait_for) bounds it
                return await self.exchange(method, url, parts, port, headers, body, expect_status, max_bytes)
            try:
                async with asyncio.timeout(answer_within):
                    return await self.exchange(method, url, parts, port, headers, body, expect_status, max_bytes)
            except TimeoutError:
                raise RuntimeError(f"no answer from {url} within {answer_within:g} s") from None

    async def exchange(self, method, url, parts, port, headers, body, expect_status, max_bytes):
        try:
            reader, writer = await asyncio.open_connection(
                parts.hostname, port, ssl=ssl.create_default_context() if parts.scheme == "https" else None)
        except socket.gaierror:
            raise RuntimeError(f"host not found: {parts.hostname}") from None
        except ConnectionRefusedError:
            raise RuntimeError(f"connection refused: {parts.hostname}:{port}") from None
        except ssl.SSLError as error:
            raise RuntimeError(f"TLS error: {error}") from None
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
            lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
            data = body.encode()
            if method == "POST":
                lines.append(f"Content-Length: {len(data)}")
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status_line, *header_lines = head.decode("latin-1").split("\r\n")
            status = int(status_line.split()[1])
            fields = {}
            for line in header_lines:
                name, _, value = line.partition(":")
                fields[name.strip().lower()] = value.strip()
            room = max_bytes - len(head)
            if method == "HEAD" or status in (204, 304) or status < 200:
                content = b""
            elif "content-length" in fields:
                if int(fields["content-length"]) > room:
                    raise RuntimeError(f"the answer is larger than {max_bytes} bytes")
                content = await reader.readexactly(int(fields["content-length"]))
            elif fields.get("transfer-encoding", "").lower() == "chunked":
                content = b""
                while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    content += (await reader.readexactly(size + 2))[:-2]
                    if len(content) > room:
                        raise RuntimeError(f"the answer is larger than {max_bytes} bytes")
            else:
                content = await reader.read(room + 1)
                if len(content) > room:
                    raise RuntimeError(f"the answer is larger than {max_bytes} bytes")
        except (asyncio.IncompleteReadError, ConnectionResetError):
            raise RuntimeError(f"the server closed the connection early: {url}") from None
        except (ValueError, IndexError, asyncio.LimitOverrunError):
            raise RuntimeError(f"a malformed response from {url}") from None
        finally:
            writer.close()
        if expect_status is not None and status != expect_status:
            raise RuntimeError(f"HTTP {status} {reason(status)}, expected {expect_status}")
        if expect_status is None and status >= 400:
            raise RuntimeError(f"HTTP {status} {reason(status)}")
        return status, content


def reason(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


DEMO = None  # the demo server's address, from --demo


def resolve_demo(url):
    """http://demo/... goes to the demo server that `concviz serve` runs."""
    if url == "http://demo" or url.startswith(("http://demo/", "http://demo?")):
        return DEMO.rstrip("/") + url[len("http://demo"):]
    return url
)py";

const char sqliteCode[] = R"py(

def demo_database():
    """Where ConcViz keeps the built-in shop database, made on its first run of a db task."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA", os.path.expanduser("~/AppData/Roaming"))
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return os.path.join(base, "ConcViz", "concviz", "demo-shop-1.sqlite")


DATABASE_FILE = None  # set from DATABASE (or --demo-db) when the program starts


def run_query(sql):
    """One query on a connection of its own, read-only: a shared scenario cannot change the database."""
    uri = pathlib.Path(DATABASE_FILE).absolute().as_uri() + "?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, check_same_thread=False)) as connection:
        return connection.execute(sql).fetchall()


async def query(sql, at_least, driver="async"):
    """A connection from the pool, the query, the connection back. `at_least` stands for the time a
    database across the network takes: what the query did not use of it is waited out."""
    if not pool.locked():
        await pool.acquire()  # a free connection: taken at once, the loop is not given up
    else:
        try:
            await asyncio.wait_for(pool.acquire(), POOL_TIMEOUT)  # all busy: wait for one, first come first served
        except TimeoutError:
            raise RuntimeError(f"pool timeout after {POOL_TIMEOUT * 1000:g} ms: "
                               f"all {POOL_SIZE + POOL_MAX_OVERFLOW} connections were busy") from None
    try:
        began = time.perf_counter()
        if driver == "async":
            rows = await asyncio.to_thread(run_query, sql)  # as aiosqlite does: the loop runs on meanwhile
            rest = at_least - (time.perf_counter() - began)
            if rest > 0:
                await asyncio.sleep(rest)
        else:
            rows = run_query(sql)  # sqlite3 called in an async def: the whole loop waits
            rest = at_least - (time.perf_counter() - began)
            if rest > 0:
                time.sleep(rest)
        return rows
    finally:
        pool.release()
)py";

const char rateLimiterCode[] = R"py(

class SlidingWindowLimiter:
    """At most `calls` starts in any window of `period` seconds, first come first served."""

    def __init__(self, calls, period):
        self.calls, self.period = calls, period
        self.starts = []
        self.lock = asyncio.Lock()

    async def acquire(self):
        async with self.lock:  # one at a time, in the order they came
            while True:
                now = time.perf_counter()
                self.starts = [s for s in self.starts if s + self.period > now]
                if len(self.starts) < self.calls:
                    self.starts.append(now)
                    return
                await asyncio.sleep(self.starts[0] + self.period - now)
)py";

} // namespace

PythonProgram::PythonProgram(const Scenario &scenario, const StrategySpec &strategy, const QString &source)
    : m_scenario(scenario)
    , m_strategy(strategy)
    , m_source(source)
{
    QSet<QString> taken;
    for (int i = 0; i < m_scenario.tasks.size(); ++i) {
        const TaskSpec &t = m_scenario.tasks[i];
        m_functionNames.append(pyIdentifier(t.name.isEmpty() ? QStringLiteral("T%1").arg(i + 1) : t.name, taken));
    }
}

bool PythonProgram::usesKind(const QString &kind) const
{
    return std::any_of(m_scenario.tasks.begin(), m_scenario.tasks.end(), [&](const TaskSpec &t) { return t.kind == kind; });
}

bool PythonProgram::usesOffload() const
{
    return std::any_of(m_scenario.tasks.begin(), m_scenario.tasks.end(), [](const TaskSpec &t) {
        return (t.kind == QLatin1String("blocking") || t.kind == QLatin1String("cpu")) && t.flag(QStringLiteral("offload"));
    });
}

bool PythonProgram::usesCpu() const
{
    return usesKind(QStringLiteral("cpu"))
        || std::any_of(m_scenario.caller.begin(), m_scenario.caller.end(), [](const CallerStep &s) { return s.kind == CallerStepKind::Cpu; });
}

bool PythonProgram::usesDemoUrls() const
{
    return std::any_of(m_scenario.tasks.begin(), m_scenario.tasks.end(), [](const TaskSpec &t) {
        const QString url = t.text(QStringLiteral("url"));
        return t.kind == QLatin1String("http")
            && (url == QLatin1String("http://demo") || url.startsWith(QLatin1String("http://demo/")) || url.startsWith(QLatin1String("http://demo?")));
    });
}

bool PythonProgram::hasTimeouts() const
{
    return m_scenario.timeoutMs
        || std::any_of(m_scenario.tasks.begin(), m_scenario.tasks.end(), [](const TaskSpec &t) { return t.timeoutMs.has_value(); });
}

QString PythonProgram::header() const
{
    const QString strategy = m_strategy.toString();
    const QString title = m_scenario.name.isEmpty() ? QStringLiteral("A ConcViz scenario") : pyCommentText(m_scenario.name);
    QString out = QStringLiteral("#!/usr/bin/env python3\n\"\"\"%1, run with %2 in asyncio.\n\n").arg(title, pyCommentText(strategy));
    if (!m_scenario.description.isEmpty())
        out += wrapped(pyCommentText(m_scenario.description), QString()) + QLatin1Char('\n');
    const QString from = m_source.isEmpty() ? QString() : QStringLiteral(" from %1").arg(pyCommentText(m_source));
    out += wrapped(QStringLiteral("Exported by ConcViz%1 (concviz export-python). It needs Python 3.11 or newer and nothing "
                                  "outside its standard library.")
                       .arg(from),
                   QString());
    out += QStringLiteral("\n    python3 PROGRAM.py           prints each task as it starts and ends, then the makespan\n"
                          "    python3 PROGRAM.py --json    prints the measured times as JSON, as `concviz run --format json`\n");
    if (usesKind(QStringLiteral("http")))
        out += QStringLiteral("    --demo URL                   the demo server's address, as `concviz serve` prints it\n");
    if (usesKind(QStringLiteral("db")) && m_scenario.database == QLatin1String("demo"))
        out += QStringLiteral("    --demo-db PATH               the demo database, if not where ConcViz keeps it\n");
    out += QStringLiteral("\"\"\"\n");
    out += QStringLiteral("import argparse\nimport asyncio\n");
    if (usesOffload())
        out += QStringLiteral("import concurrent.futures\n");
    const bool http = usesKind(QStringLiteral("http"));
    const bool db = usesKind(QStringLiteral("db"));
    if (http || db)
        out += QStringLiteral("import contextlib\n");
    out += QStringLiteral("import json\nimport os\n");
    if (db)
        out += QStringLiteral("import pathlib\n");
    if (http)
        out += QStringLiteral("import socket\n");
    if (db)
        out += QStringLiteral("import sqlite3\n");
    if (http)
        out += QStringLiteral("import ssl\n");
    out += QStringLiteral("import sys\nimport time\n");
    if (http)
        out += QStringLiteral("import urllib.parse\nfrom http import HTTPStatus\n");
    return out;
}

QString PythonProgram::settings() const
{
    QString out = QStringLiteral("\nSCENARIO = %1\nSTRATEGY = %2\n").arg(pyString(m_scenario.name), pyString(m_strategy.toString()));
    if (m_scenario.timeoutMs)
        out += QStringLiteral("TIMEOUT = %1  # seconds for each attempt of a task (asyncio.wait_for)\n").arg(pySeconds(*m_scenario.timeoutMs));
    if (m_scenario.deadlineMs)
        out += QStringLiteral("DEADLINE = %1  # seconds for the whole run (asyncio.timeout): then everything left is cancelled\n")
                   .arg(pySeconds(*m_scenario.deadlineMs));
    if (m_scenario.retries.max > 0) {
        out += QStringLiteral("RETRIES = %1  # a failed or timed-out task is tried again this many times,\n").arg(m_scenario.retries.max);
        out += QStringLiteral("BACKOFF = %1  # first after this many seconds, then twice as long each time,\n")
                   .arg(pySeconds(m_scenario.retries.backoffMs));
        out += QStringLiteral("MAX_BACKOFF = %1  # but never longer than this\n").arg(pySeconds(m_scenario.retries.maxBackoffMs));
    }
    if (!m_scenario.gil && usesCpu())
        out += QStringLiteral("# The scenario assumes free-threaded Python (3.13t, \"gil\": false): under a regular build, CPU work\n"
                              "# in threads takes turns for the GIL and takes longer here than ConcViz shows.\n");
    if (usesKind(QStringLiteral("db"))) {
        QString error;
        const std::optional<DatabaseTarget> target = DatabaseTarget::parse(m_scenario.database, &error);
        const QString shown = target ? target->describe() : m_scenario.database;
        out += QStringLiteral("DATABASE = %1  # what the db tasks query\n").arg(pyString(shown));
        const DbPoolPolicy &p = m_scenario.dbPool;
        out += QStringLiteral("# The connection pool, as SQLAlchemy's QueuePool keeps it: %1 connections, %2 more when they are all\n"
                              "# busy, and a query that finds all %3 busy waits at most POOL_TIMEOUT for one.\n")
                   .arg(p.size)
                   .arg(p.maxOverflow)
                   .arg(p.capacity());
        out += QStringLiteral("POOL_SIZE, POOL_MAX_OVERFLOW, POOL_TIMEOUT = %1, %2, %3\n").arg(p.size).arg(p.maxOverflow).arg(pySeconds(p.timeoutMs));
        out += QStringLiteral("pool = asyncio.Semaphore(POOL_SIZE + POOL_MAX_OVERFLOW)\n");
    }
    return out;
}

QString PythonProgram::httpClientSetting() const
{
    QString out;
    {
        const char *who = m_scenario.connectionsPerHost ? "connections_per_host"
                          : m_scenario.httpClient == HttpClientKind::Browser ? "a browser's limits"
                          : m_scenario.httpClient == HttpClientKind::Httpx ? "httpx's default limits"
                                                                              : "aiohttp's TCPConnector";
        const int total = m_scenario.totalConnections();
        out += QStringLiteral("client = HttpClient(limit=%1, limit_per_host=%2)  # %3\n")
                   .arg(total ? QString::number(total) : QStringLiteral("None"))
                   .arg(m_scenario.perHostConnections())
                   .arg(QString::fromLatin1(who));
    }
    return out;
}

QString PythonProgram::helpers() const
{
    QString out = QString::fromUtf8(traceCode);
    if (usesCpu())
        out += QString::fromUtf8(burnCode);
    if (usesKind(QStringLiteral("http")))
        out += QString::fromUtf8(httpCode) + QStringLiteral("\n\n") + httpClientSetting();
    if (usesKind(QStringLiteral("db")))
        out += QString::fromUtf8(sqliteCode);
    if (m_strategy.name == QLatin1String("rate_limit"))
        out += QString::fromUtf8(rateLimiterCode);
    return out;
}

namespace {

// What stands for the tasks left out of a list that shows only the first few.
QString moreTasks(qsizetype more, const QString &indent)
{
    return QStringLiteral("%1# ... and %2 more tasks: Copy puts the whole program, with every task, on the clipboard\n").arg(indent).arg(more);
}

} // namespace

QString PythonProgram::taskFunctions(int shown) const
{
    QString out = QStringLiteral("\n\n# ---- The tasks ----------------------------------------------------------------------------------\n");
    for (int i = 0; i < m_scenario.tasks.size(); ++i) {
        if (i == shown) {
            out += QStringLiteral("\n\n") + moreTasks(m_scenario.tasks.size() - shown, {});
            break;
        }
        const TaskSpec &t = m_scenario.tasks[i];
        const QString seconds = pySeconds(t.millis(QStringLiteral("duration_ms")));
        out += QStringLiteral("\n\nasync def %1():\n").arg(m_functionNames[i]);
        if (t.kind == QLatin1String("sleep")) {
            out += QStringLiteral("    await asyncio.sleep(%1)  # waits without blocking: simulated I/O\n").arg(seconds);
        } else if (t.kind == QLatin1String("fail")) {
            out += QStringLiteral("    await asyncio.sleep(%1)\n    raise RuntimeError(%2)\n").arg(seconds, pyString(t.text(QStringLiteral("error"))));
        } else if (t.kind == QLatin1String("blocking") || t.kind == QLatin1String("cpu")) {
            const bool cpu = t.kind == QLatin1String("cpu");
            const QString work = cpu ? QStringLiteral("burn") : QStringLiteral("time.sleep");
            if (t.flag(QStringLiteral("offload"))) {
                out += QStringLiteral("    loop = asyncio.get_running_loop()\n");
                out += QStringLiteral("    await loop.run_in_executor(executor, %1, %2)  # in the executor: the loop runs on\n").arg(work, seconds);
            } else if (cpu) {
                out += QStringLiteral("    burn(%1)  # CPU work in a coroutine holds the loop: nothing else runs meanwhile\n").arg(seconds);
            } else {
                out += QStringLiteral("    time.sleep(%1)  # blocks the loop: nothing else runs meanwhile\n").arg(seconds);
            }
        } else if (t.kind == QLatin1String("http")) {
            QStringList args{pyString(t.text(QStringLiteral("method")).isEmpty() ? QStringLiteral("GET") : t.text(QStringLiteral("method"))),
                             pyString(t.text(QStringLiteral("url")))};
            const QVariantMap headers = t.fields.value(QStringLiteral("headers")).toMap();
            if (!headers.isEmpty()) {
                QStringList pairs;
                for (auto it = headers.begin(); it != headers.end(); ++it)
                    pairs.append(pyString(it.key()) + QStringLiteral(": ") + pyString(it.value().toString()));
                args.append(QStringLiteral("headers={%1}").arg(pairs.join(QStringLiteral(", "))));
            }
            if (!t.text(QStringLiteral("body")).isEmpty())
                args.append(QStringLiteral("body=%1").arg(pyString(t.text(QStringLiteral("body")))));
            if (const std::optional<qint64> status = t.integer(QStringLiteral("expect_status")))
                args.append(QStringLiteral("expect_status=%1").arg(*status));
            if (const std::optional<qint64> max = t.integer(QStringLiteral("max_bytes")))
                args.append(QStringLiteral("max_bytes=%1").arg(*max));
            if (m_scenario.timeoutFor(t))
                args.append(QStringLiteral("answer_within=None"));  // the task's own timeout bounds it
            out += QStringLiteral("    status, body = await client.request(%1)\n").arg(args.join(QStringLiteral(", ")));
        } else if (t.kind == QLatin1String("db")) {
            const bool sync = t.text(QStringLiteral("driver")) == QLatin1String("sync");
            out += QStringLiteral("    rows = await query(%1, at_least=%2%3)\n")
                       .arg(pyString(t.text(QStringLiteral("query"))), seconds, sync ? QStringLiteral(", driver=\"sync\"") : QString());
        } else {
            out += QStringLiteral("    raise RuntimeError(%1)\n").arg(pyString(QStringLiteral("ConcViz has no task kind \"%1\"").arg(t.kind)));
        }
    }
    return out;
}

QString PythonProgram::taskList(int shown) const
{
    const bool timeouts = hasTimeouts();
    QString out = QStringLiteral("\n\n# Each task: its name and its coroutine function%1.\nTASKS = [\n")
                      .arg(timeouts ? QStringLiteral(", and the seconds each attempt may take") : QString());
    for (int i = 0; i < m_scenario.tasks.size(); ++i) {
        if (i == shown) {
            out += moreTasks(m_scenario.tasks.size() - shown, QStringLiteral("    "));
            break;
        }
        const TaskSpec &t = m_scenario.tasks[i];
        const QString name = t.name.isEmpty() ? QStringLiteral("T%1").arg(i + 1) : t.name;
        QString timeout;
        if (timeouts) {
            if (t.timeoutMs)
                timeout = QStringLiteral(", ") + pySeconds(*t.timeoutMs);
            else
                timeout = m_scenario.timeoutMs ? QStringLiteral(", TIMEOUT") : QStringLiteral(", None");
        }
        if (t.count == 1) {
            out += QStringLiteral("    (%1, %2%3),\n").arg(pyString(name), m_functionNames[i], timeout);
        } else {
            QString prefix = pyString(name + QLatin1Char('#'));
            prefix.insert(0, QLatin1Char('f'));
            prefix.chop(1);
            prefix.replace(QLatin1Char('{'), QStringLiteral("{{"));
            prefix.replace(QLatin1Char('}'), QStringLiteral("}}"));
            out += QStringLiteral("    *[(%1{k}\", %2%3) for k in range(1, %4)],\n").arg(prefix, m_functionNames[i], timeout).arg(t.count + 1);
        }
    }
    return out + QStringLiteral("]\n");
}

QString PythonProgram::runTask() const
{
    const bool timeouts = hasTimeouts();
    const bool retries = m_scenario.retries.max > 0;
    QString out = QStringLiteral("\n\nasync def run_task(name, body%1):\n").arg(timeouts ? QStringLiteral(", timeout") : QString());
    QString doc = QStringLiteral("Runs one task");
    if (timeouts)
        doc += QStringLiteral(", each attempt under asyncio.wait_for");
    if (retries)
        doc += QStringLiteral(", again after a backoff when it fails");
    doc += QStringLiteral(", and records what happened.");
    QString docLines = wrapped(doc, QStringLiteral("    "), 100);
    docLines.insert(4, QStringLiteral("\"\"\""));
    docLines.chop(1);
    out += docLines + (docLines.contains(QLatin1Char('\n')) ? QStringLiteral("\n    \"\"\"\n") : QStringLiteral("\"\"\"\n"));
    out += QStringLiteral("    record = trace.started(name)\n");
    const QString call = timeouts ? QStringLiteral("await asyncio.wait_for(body(), timeout)") : QStringLiteral("await body()");
    if (!retries) {
        out += QStringLiteral("    record.attempts = 1\n");
        out += QStringLiteral("    try:\n        %1\n").arg(call);
        out += QStringLiteral("    except asyncio.CancelledError:\n"
                              "        trace.ended(record, \"cancelled\")\n"
                              "        raise\n");
        if (timeouts)
            out += QStringLiteral("    except TimeoutError:\n"
                                  "        trace.ended(record, \"timeout\", f\"timed out after {timeout * 1000:g} ms\")\n"
                                  "        raise\n");
        out += QStringLiteral("    except Exception as error:\n"
                              "        trace.ended(record, \"failed\", str(error))\n"
                              "        raise\n"
                              "    trace.ended(record, \"ok\")\n");
        return out;
    }
    out += QStringLiteral("    try:\n"
                          "        for attempt in range(1, RETRIES + 2):\n"
                          "            record.attempts = attempt\n"
                          "            try:\n"
                          "                %1\n"
                          "                trace.ended(record, \"ok\")\n"
                          "                return\n")
               .arg(call);
    if (timeouts)
        out += QStringLiteral("            except TimeoutError as error:\n"
                              "                state, why, last = \"timeout\", f\"timed out after {timeout * 1000:g} ms\", error\n");
    out += QStringLiteral("            except Exception as error:\n"
                          "                state, why, last = \"failed\", str(error), error\n"
                          "            if attempt <= RETRIES:\n"
                          "                backoff = min(BACKOFF * 2 ** (attempt - 1), MAX_BACKOFF)\n"
                          "                trace.say(f\"{name} attempt {attempt}: {why}; again in {backoff:.2f} s\")\n"
                          "                await asyncio.sleep(backoff)\n"
                          "        trace.ended(record, state, why)\n"
                          "        raise last\n"
                          "    except asyncio.CancelledError:\n"
                          "        trace.ended(record, \"cancelled\")\n"
                          "        raise\n");
    return out;
}

QString PythonProgram::callerSteps(const QString &indent) const
{
    QString out;
    if (m_scenario.caller.isEmpty())
        return out;
    out += indent + QStringLiteral("# The caller's own work, after creating the tasks: they start at its first await.\n");
    for (const CallerStep &step : m_scenario.caller) {
        const QString name = step.name.isEmpty() ? callerStepKindName(step.kind) : step.name;
        out += indent + QStringLiteral("trace.say(%1)\n").arg(pyString(QStringLiteral("the caller: ") + name));
        const QString seconds = pySeconds(step.durationMs);
        switch (step.kind) {
        case CallerStepKind::Sleep:
            out += indent + QStringLiteral("await asyncio.sleep(%1)  # awaits: the tasks run meanwhile\n").arg(seconds);
            break;
        case CallerStepKind::Blocking:
            out += indent + QStringLiteral("time.sleep(%1)  # blocks: holds the loop\n").arg(seconds);
            break;
        case CallerStepKind::Cpu:
            out += indent + QStringLiteral("burn(%1)  # CPU work: holds the loop\n").arg(seconds);
            break;
        }
    }
    return out;
}

QString PythonProgram::strategyCode() const
{
    const QString &name = m_strategy.name;
    const StrategyDefinition *definition = m_strategy.definition();
    QString out = QStringLiteral("\n\n# ---- The strategy: %1 ----\n").arg(pyCommentText(m_strategy.toString()));
    // gather's summary is about the form without return_exceptions.
    if (definition && !definition->summary.isEmpty() && !m_strategy.flag(QStringLiteral("return_exceptions")))
        out += wrapped(pyCommentText(definition->summary), QStringLiteral("# "));
    out += QStringLiteral("\nasync def main():\n");
    const QString spawnAll = QStringLiteral("    tasks = [asyncio.create_task(run_task(*job)) for job in TASKS]\n") + callerSteps(QStringLiteral("    "));
    if (name == QLatin1String("sequential")) {
        out += QStringLiteral("    for job in TASKS:\n"
                              "        try:\n"
                              "            await run_task(*job)\n"
                              "        except Exception:\n"
                              "            pass  # recorded; the loop goes on to the next task\n");
    } else if (name == QLatin1String("gather")) {
        const bool all = m_strategy.flag(QStringLiteral("return_exceptions"));
        out += spawnAll;
        if (all) {
            out += QStringLiteral("    results = await asyncio.gather(*tasks, return_exceptions=True)\n"
                                  "    errors = [r for r in results if isinstance(r, BaseException)]\n"
                                  "    trace.say(f\"gather returned {len(results)} results, {len(errors)} of them errors\")\n");
        } else {
            out += QStringLiteral("    try:\n"
                                  "        await asyncio.gather(*tasks)\n"
                                  "        trace.say(\"gather returned\")\n"
                                  "    except Exception as error:\n"
                                  "        # The caller gets the first error; gather cancels nothing, the other tasks run on.\n"
                                  "        trace.say(f\"gather raised {type(error).__name__}: {error}\")\n");
        }
    } else if (name == QLatin1String("task_group")) {
        out += QStringLiteral("    try:\n"
                              "        async with asyncio.TaskGroup() as group:\n"
                              "            for job in TASKS:\n"
                              "                group.create_task(run_task(*job))\n");
        out += callerSteps(QStringLiteral("            "));
        out += QStringLiteral("        trace.say(\"the TaskGroup ended: every task succeeded\")\n"
                              "    except* Exception as failures:\n"
                              "        # The first failure cancelled every task still running.\n"
                              "        trace.say(f\"the TaskGroup raised {len(failures.exceptions)} error(s)\")\n");
    } else if (name == QLatin1String("as_completed")) {
        out += spawnAll;
        out += QStringLiteral("    for rank, next_done in enumerate(asyncio.as_completed(tasks), start=1):\n"
                              "        try:\n"
                              "            await next_done  # the first to end comes first\n"
                              "            trace.say(f\"as_completed #{rank}: a result\")\n"
                              "        except Exception as error:\n"
                              "            trace.say(f\"as_completed #{rank}: {error}\")\n");
    } else if (name == QLatin1String("wait")) {
        const QString when = m_strategy.choice(QStringLiteral("return_when")).toUpper();
        const double timeout = m_strategy.millis(QStringLiteral("timeout_ms"));
        out += spawnAll;
        out += QStringLiteral("    done, pending = await asyncio.wait(tasks, return_when=asyncio.%1%2)\n")
                   .arg(when.isEmpty() ? QStringLiteral("ALL_COMPLETED") : when,
                        m_strategy.values.contains(QStringLiteral("timeout_ms")) ? QStringLiteral(", timeout=%1").arg(pySeconds(timeout)) : QString());
        out += QStringLiteral("    trace.say(f\"wait returned: {len(done)} done, {len(pending)} pending\")\n"
                              "    for task in done:\n"
                              "        if not task.cancelled():\n"
                              "            task.exception()  # its error, or None: looked at, so asyncio does not warn of it\n"
                              "    for task in pending:\n"
                              "        task.cancel()  # wait cancels nothing itself\n");
    } else if (name == QLatin1String("semaphore")) {
        const int limit = m_strategy.count(QStringLiteral("limit"));
        out += QStringLiteral("    semaphore = asyncio.Semaphore(%1)\n\n"
                              "    async def limited(job):\n"
                              "        async with semaphore:  # at most %1 at once, first come first served\n"
                              "            return await run_task(*job)\n\n")
                   .arg(limit);
        out += QStringLiteral("    tasks = [asyncio.create_task(limited(job)) for job in TASKS]\n") + callerSteps(QStringLiteral("    "));
        out += QStringLiteral("    await asyncio.gather(*tasks, return_exceptions=True)\n");
    } else if (name == QLatin1String("rate_limit")) {
        out += QStringLiteral("    limiter = SlidingWindowLimiter(calls=%1, period=%2)\n\n"
                              "    async def limited(job):\n"
                              "        await limiter.acquire()\n"
                              "        return await run_task(*job)\n\n")
                   .arg(m_strategy.count(QStringLiteral("calls")))
                   .arg(pySeconds(m_strategy.millis(QStringLiteral("period_ms"))));
        out += QStringLiteral("    tasks = [asyncio.create_task(limited(job)) for job in TASKS]\n") + callerSteps(QStringLiteral("    "));
        out += QStringLiteral("    await asyncio.gather(*tasks, return_exceptions=True)\n");
    } else if (name == QLatin1String("queue")) {
        const int maxsize = m_strategy.count(QStringLiteral("maxsize"));
        const double interval = m_strategy.millis(QStringLiteral("interval_ms"));
        out += QStringLiteral("    queue = asyncio.Queue(%1)\n\n").arg(maxsize > 0 ? QStringLiteral("maxsize=%1").arg(maxsize) : QString());
        out += QStringLiteral("    async def worker():\n"
                              "        while True:\n"
                              "            job = await queue.get()\n"
                              "            try:\n"
                              "                await run_task(*job)\n"
                              "            except Exception:\n"
                              "                pass  # recorded; the worker goes on to the next job\n"
                              "            finally:\n"
                              "                queue.task_done()\n\n");
        out += QStringLiteral("    workers = [asyncio.create_task(worker()) for _ in range(%1)]\n").arg(m_strategy.count(QStringLiteral("workers")));
        if (interval > 0)
            out += QStringLiteral("    for number, job in enumerate(TASKS):\n"
                                  "        if number > 0:\n"
                                  "            await asyncio.sleep(%1)  # the producer's interval\n"
                                  "        await queue.put(job)%2\n")
                       .arg(pySeconds(interval), maxsize > 0 ? QStringLiteral("  # waits while the queue is full") : QString());
        else
            out += QStringLiteral("    for job in TASKS:\n"
                                  "        await queue.put(job)%1\n")
                       .arg(maxsize > 0 ? QStringLiteral("  # waits while the queue is full") : QString());
        out += QStringLiteral("    await queue.join()  # every job taken and done\n"
                              "    for w in workers:\n"
                              "        w.cancel()\n");
    } else if (name == QLatin1String("batches")) {
        const int size = m_strategy.count(QStringLiteral("size"));
        const int concurrency = m_strategy.count(QStringLiteral("concurrency"));
        const double pause = m_strategy.millis(QStringLiteral("pause_ms"));
        out += QStringLiteral("    size = %1\n    batches = (len(TASKS) + size - 1) // size\n").arg(size);
        out += QStringLiteral("    for number, first in enumerate(range(0, len(TASKS), size), start=1):\n");
        if (pause > 0)
            out += QStringLiteral("        if number > 1:\n"
                                  "            await asyncio.sleep(%1)  # a pause between batches\n")
                       .arg(pySeconds(pause));
        out += QStringLiteral("        batch = TASKS[first:first + size]\n");
        if (concurrency > 0) {
            out += QStringLiteral("        semaphore = asyncio.Semaphore(%1)  # at most %1 at once inside a batch\n\n"
                                  "        async def limited(job):\n"
                                  "            async with semaphore:\n"
                                  "                return await run_task(*job)\n\n"
                                  "        await asyncio.gather(*(limited(job) for job in batch), return_exceptions=True)\n")
                       .arg(concurrency);
        } else {
            out += QStringLiteral("        await asyncio.gather(*(run_task(*job) for job in batch), return_exceptions=True)\n");
        }
        out += QStringLiteral("        trace.say(f\"batch {number} of {batches} done: {first + len(batch)} of {len(TASKS)}\")\n");
    } else {
        out += QStringLiteral("    raise RuntimeError(%1)\n").arg(pyString(QStringLiteral("no strategy \"%1\"").arg(name)));
    }
    if (definition && !definition->asyncioCode.isEmpty()) {
        out += QStringLiteral("\n# The pattern, as ConcViz describes %1:\n").arg(pyCommentText(name));
        out += commented(definition->asyncioCode, QString());
    }
    return out;
}

QString PythonProgram::runner() const
{
    QString out = QStringLiteral("\n\ndef others():\n"
                                 "    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]\n\n\n"
                                 "async def run_lesson():\n"
                                 "    \"\"\"The strategy%1, then whatever the caller left running, to its end.\"\"\"\n"
                                 "    trace.t0 = time.perf_counter()\n")
                      .arg(m_scenario.deadlineMs ? QStringLiteral(" under the deadline") : QString());
    if (m_scenario.deadlineMs) {
        out += QStringLiteral("    reason = None\n"
                              "    try:\n"
                              "        async with asyncio.timeout(DEADLINE):\n"
                              "            await main()\n"
                              "    except TimeoutError:\n"
                              "        reason = f\"deadline of {DEADLINE * 1000:g} ms reached\"\n"
                              "        trace.say(reason + \": everything still running is cancelled\")\n"
                              "        trace.finish(reason)  # names the reason on what it cancelled so far\n"
                              "        for task in others():\n"
                              "            task.cancel()\n"
                              "    await asyncio.gather(*others(), return_exceptions=True)\n"
                              "    return trace.finish(reason)\n");
    } else {
        out += QStringLiteral("    await main()\n"
                              "    # The tasks the caller did not wait for (after a gather that raised) run on to their end.\n"
                              "    await asyncio.gather(*others(), return_exceptions=True)\n"
                              "    return trace.finish(None)\n");
    }
    out += QStringLiteral("\n\nif __name__ == \"__main__\":\n"
                          "    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])\n"
                          "    parser.add_argument(\"--json\", action=\"store_true\", help=\"print the measured times as JSON\")\n");
    const bool http = usesKind(QStringLiteral("http"));
    const bool db = usesKind(QStringLiteral("db"));
    if (http)
        out += QStringLiteral("    parser.add_argument(\"--demo\", metavar=\"URL\", help=\"the demo server's address (concviz serve prints it)\")\n");
    if (db && m_scenario.database == QLatin1String("demo"))
        out += QStringLiteral("    parser.add_argument(\"--demo-db\", metavar=\"PATH\", help=\"the demo database, if not where ConcViz keeps it\")\n");
    out += QStringLiteral("    args = parser.parse_args()\n");
    if (http && usesDemoUrls()) {
        out += QStringLiteral("    if not args.demo:\n"
                              "        parser.error(\"this program fetches http://demo/... URLs from ConcViz's demo server: \"\n"
                              "                     \"start it with `concviz serve` and pass the address it prints, \"\n"
                              "                     \"for example --demo http://127.0.0.1:8123\")\n");
    }
    if (http)
        out += QStringLiteral("    DEMO = args.demo\n");
    if (db) {
        QString error;
        const std::optional<DatabaseTarget> target = DatabaseTarget::parse(m_scenario.database, &error);
        if (!target || target->kind == DatabaseTarget::Kind::Postgresql) {
            out += QStringLiteral("    # Python's standard library has no PostgreSQL driver: asyncpg or psycopg would query it.\n"
                                  "    print(f\"{sys.argv[0]}: the db tasks query {DATABASE}, which needs a PostgreSQL driver \"\n"
                                  "          \"outside Python's standard library (asyncpg or psycopg); this program runs SQLite only\",\n"
                                  "          file=sys.stderr)\n"
                                  "    sys.exit(2)\n");
        } else if (target->kind == DatabaseTarget::Kind::Demo) {
            out += QStringLiteral("    DATABASE_FILE = args.demo_db or demo_database()\n"
                                  "    if not os.path.isfile(DATABASE_FILE):\n"
                                  "        parser.error(f\"no demo database at {DATABASE_FILE}: ConcViz makes it the first time it runs a db \"\n"
                                  "                     \"task (concviz run FILE), or pass --demo-db PATH\")\n");
        } else {
            out += QStringLiteral("    DATABASE_FILE = %1\n").arg(pyString(target->path));
        }
    }
    out += QStringLiteral("    trace = Trace([job[0] for job in TASKS])\n"
                          "    trace.quiet = args.json\n");
    if (usesOffload()) {
        if (m_scenario.executor == ExecutorKind::Process) {
            out += QStringLiteral("    executor = concurrent.futures.ProcessPoolExecutor(max_workers=%1)\n"
                                  "    # The worker processes start before the clock, as a long-running program's pool is already up.\n"
                                  "    list(executor.map(time.sleep, [0.05] * %1))\n")
                       .arg(m_scenario.executorWorkers);
        } else {
            out += QStringLiteral("    executor = concurrent.futures.ThreadPoolExecutor(max_workers=%1)  # as run_in_executor(None, ...)\n")
                       .arg(m_scenario.executorWorkers);
        }
    }
    out += QStringLiteral("    makespan = asyncio.run(run_lesson())\n");
    if (usesOffload())
        out += QStringLiteral("    executor.shutdown(wait=True)\n");
    out += QStringLiteral("    if args.json:\n"
                          "        print(json.dumps(trace.as_json(makespan), indent=2, ensure_ascii=False))\n"
                          "    else:\n"
                          "        print(trace.summary(makespan))\n");
    return out;
}

QString PythonProgram::text() const
{
    const int all = static_cast<int>(m_scenario.tasks.size());
    return header() + settings() + helpers() + taskFunctions(all) + taskList(all) + runTask() + strategyCode() + runner();
}

int PythonProgram::callerLine(const QString &code, const QString &callerStep)
{
    const QStringList lines = code.split(u'\n');
    auto indentOf = [](const QString &line) {
        qsizetype n = 0;
        while (n < line.size() && line[n] == u' ')
            ++n;
        return n;
    };
    if (!callerStep.isEmpty()) {
        // A step is written as its announcement and then the call: "the caller: load config".
        const QString say = pyString(QStringLiteral("the caller: ") + callerStep);
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            if (lines[i].contains(say))
                return static_cast<int>(i + 1);
        if (callerStep.startsWith(QLatin1String("pause ")))
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (lines[i].contains(QLatin1String("# a pause between batches")))
                    return static_cast<int>(i);
        return -1;
    }
    int found = -1;
    int taskGroup = -1;
    bool inMain = false;
    qsizetype nestedIndent = -1; // the indent of a function defined inside main(), while in it
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.startsWith(QLatin1String("async def main():"))) {
            inMain = true;
            continue;
        }
        if (!inMain || line.trimmed().isEmpty())
            continue;
        const qsizetype indent = indentOf(line);
        if (indent == 0)
            break;
        if (nestedIndent >= 0 && indent > nestedIndent)
            continue;
        nestedIndent = -1;
        const QString text = line.trimmed();
        if (text.startsWith(QLatin1String("def ")) || text.startsWith(QLatin1String("async def "))) {
            nestedIndent = indent;
            continue;
        }
        const bool step = text.contains(QLatin1String("# awaits:")) || text.contains(QLatin1String("# blocks:"))
            || text.contains(QLatin1String("# CPU work:")) || text.contains(QLatin1String("# a pause between batches"));
        if (step)
            continue;
        if (text.contains(QLatin1String("await ")))
            found = static_cast<int>(i);
        else if (text.startsWith(QLatin1String("async with asyncio.TaskGroup")) && taskGroup < 0)
            taskGroup = static_cast<int>(i);
    }
    return found >= 0 ? found : taskGroup;
}

QString PythonProgram::essentials(int shownTasks) const
{
    return (taskFunctions(shownTasks) + taskList(shownTasks) + strategyCode()).trimmed() + u'\n';
}

} // namespace concviz
