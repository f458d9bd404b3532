// What `cmake --install` puts on a machine: the program, its desktop entry, AppStream metainfo, the
// scenario file type and the icons, each valid as desktops and software centres read them; and a
// scenario file recognised as one by its content, while other JSON stays JSON.

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

class TestInstall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theInstallHoldsWhatADesktopNeeds();
    void theInstalledFilesAreValid();
    void aScenarioOpensAsAScenarioAndOtherJsonStaysJson();
    void theInstalledProgramRuns();
    void theDebianPackageHoldsTheSameAndRuns();

private:
    // Runs a tool; false (with its output in the log) when it fails. A missing tool skips the test.
    bool tool(const QString &name, const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QTemporaryDir m_prefix;
    QTemporaryDir m_package;
};

bool TestInstall::tool(const QString &name, const QStringList &arguments, const QProcessEnvironment &environment)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        return false;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s: %s", qPrintable(name), qPrintable(arguments.join(QLatin1Char(' '))), process.readAll().constData());
        return false;
    }
    return true;
}

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    QVERIFY(tool(QStringLiteral("cmake"), {QStringLiteral("--install"), QStringLiteral(CONCVIZ_BUILD_DIR), QStringLiteral("--prefix"), m_prefix.path()}));
}

void TestInstall::theInstallHoldsWhatADesktopNeeds()
{
    const QDir prefix(m_prefix.path());
    for (const char *file : {"bin/concviz", "share/applications/concviz.desktop", "share/metainfo/org.concviz.ConcViz.metainfo.xml",
                             "share/mime/packages/concviz.xml", "share/icons/hicolor/scalable/apps/concviz.svg",
                             "share/icons/hicolor/48x48/apps/concviz.png", "share/icons/hicolor/256x256/apps/concviz.png",
                             "share/concviz/python/concviz_record/__main__.py", "share/concviz/python/concviz_record/hook/sitecustomize.py"})
        QVERIFY2(QFile::exists(prefix.filePath(QString::fromLatin1(file))), file);
}

void TestInstall::theInstalledFilesAreValid()
{
    const QDir share(m_prefix.filePath(QStringLiteral("share")));
    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
        QSKIP("appstreamcli and desktop-file-validate are installed by tools/install-deps");
    QVERIFY(tool(QStringLiteral("desktop-file-validate"), {share.filePath(QStringLiteral("applications/concviz.desktop"))}));
    QVERIFY(tool(QStringLiteral("appstreamcli"),
                 {QStringLiteral("validate"), QStringLiteral("--no-net"), share.filePath(QStringLiteral("metainfo/org.concviz.ConcViz.metainfo.xml"))}));
}

void TestInstall::aScenarioOpensAsAScenarioAndOtherJsonStaysJson()
{
    const QString share = m_prefix.filePath(QStringLiteral("share"));
    if (QStandardPaths::findExecutable(QStringLiteral("update-mime-database")).isEmpty())
        QSKIP("update-mime-database (shared-mime-info) is installed by tools/install-deps");
    QVERIFY(tool(QStringLiteral("update-mime-database"), {share + QStringLiteral("/mime")}));
    // The type database is read on first use, from the data folders this says: the installed one first.
    qputenv("XDG_DATA_DIRS", (share + QStringLiteral(":/usr/share")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_prefix.filePath(QStringLiteral("nowhere")).toLocal8Bit());
    const QMimeDatabase types;
    QVERIFY(types.mimeTypeForName(QStringLiteral("application/x-concviz-scenario")).isValid());
    QFile scenario(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/async_demo.json"));
    QVERIFY(scenario.open(QIODevice::ReadOnly));
    // By its content, as a file manager that looks inside sees it, and by a name made for it.
    QCOMPARE(types.mimeTypeForData(&scenario).name(), QStringLiteral("application/x-concviz-scenario"));
    QCOMPARE(types.mimeTypeForFile(QStringLiteral("lesson.concviz.json"), QMimeDatabase::MatchExtension).name(),
             QStringLiteral("application/x-concviz-scenario"));
    QVERIFY(types.mimeTypeForName(QStringLiteral("application/x-concviz-scenario")).inherits(QStringLiteral("application/json")));
    QFile other(QStringLiteral(CONCVIZ_SOURCE_DIR "/CMakePresets.json"));
    QVERIFY(other.open(QIODevice::ReadOnly));
    QVERIFY(types.mimeTypeForData(&other).name() != QStringLiteral("application/x-concviz-scenario"));
    QCOMPARE(types.mimeTypeForFile(other.fileName()).name(), QStringLiteral("application/json"));
}

void TestInstall::theInstalledProgramRuns()
{
    QProcess program;
    program.start(m_prefix.filePath(QStringLiteral("bin/concviz")), {QStringLiteral("--version")});
    QVERIFY(program.waitForFinished(30000));
    QCOMPARE(program.exitCode(), 0);
    QVERIFY(program.readAllStandardOutput().startsWith("concviz "));
}

void TestInstall::theDebianPackageHoldsTheSameAndRuns()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("cpack")).isEmpty())
        QSKIP("a .deb is made with cpack and dpkg on Debian and Ubuntu only");
    const QDir out(m_package.path());
    QVERIFY(tool(QStringLiteral("cpack"), {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                                           QStringLiteral(CONCVIZ_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out.path()}));
    const QStringList debs = out.entryList({QStringLiteral("concviz_*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    const QString root = out.filePath(QStringLiteral("root"));
    QVERIFY(tool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), out.filePath(debs.first()), root}));
    // What the package installs is what `cmake --install` does, under /usr.
    for (const char *file : {"usr/bin/concviz", "usr/share/applications/concviz.desktop", "usr/share/metainfo/org.concviz.ConcViz.metainfo.xml",
                             "usr/share/mime/packages/concviz.xml", "usr/share/icons/hicolor/scalable/apps/concviz.svg",
                             "usr/share/concviz/python/concviz_record/__init__.py"})
        QVERIFY2(QFile::exists(root + QLatin1Char('/') + QString::fromLatin1(file)), file);
    QProcess fields;
    fields.start(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), out.filePath(debs.first()), QStringLiteral("Depends")});
    QVERIFY(fields.waitForFinished(30000));
    const QByteArray depends = fields.readAllStandardOutput();
    QVERIFY2(depends.contains("libqt6widgets6") && depends.contains("libqt6core6"), depends.constData()); // found by dpkg-shlibdeps
    QProcess program;
    program.start(root + QStringLiteral("/usr/bin/concviz"), {QStringLiteral("--version")});
    QVERIFY(program.waitForFinished(30000));
    QCOMPARE(program.exitCode(), 0);
    QVERIFY(program.readAllStandardOutput().startsWith("concviz "));
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
