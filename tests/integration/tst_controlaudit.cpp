// Roles and audit on the engine's control socket with the real tandemd and tandemctl
//: the kernel's word on who connected (SO_PEERCRED) is what the audit
// event names, and an operator's reset of the event history is refused end to end, the
// history kept. Which credentials give which role is tst_controlrole's table; tests cannot
// switch users, so the refusal uses the test hook TANDEM_TEST_CONTROL_ROLE=operator, which
// makes every connection an operator's.
#include "buildpaths.h"
#include "tandemdprocess.h"

#include "host/controlserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace tandem;
using namespace tandem::test;

namespace {
struct Ctl
{
    int exitCode = -1;
    qint64 pid = 0;
    QString out;
    QString err;
};

QString userName()
{
    const struct passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::getuid());
}
} // namespace

class TestControlAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changingCommandsNameTheKernelsCaller();
    void readingCommandsAreNotRecorded();
    void operatorCannotResetTheHistory();

private:
    Ctl ctl(const QStringList &args);
    // "Control command 'X' from USER (uid U, pid P)." as the engine posts it.
    static QString audit(const QString &command, qint64 pid)
    {
        return QStringLiteral("Control command '%1' from %2 (uid %3, pid %4)")
            .arg(command, userName())
            .arg(::getuid())
            .arg(pid);
    }

    std::unique_ptr<TandemdProcess> m_engine;
};

void TestControlAudit::init()
{
    m_engine = std::make_unique<TandemdProcess>();
    QVERIFY(m_engine->writeConfig(Configuration::createNew(), {}));
}

void TestControlAudit::cleanup()
{
    m_engine.reset();
}

Ctl TestControlAudit::ctl(const QStringList &args)
{
    QProcess p;
    p.start(test::tandemctlPath(),
            QStringList{QStringLiteral("--config"), m_engine->configFile(),
                        QStringLiteral("--state-dir"), m_engine->stateDir()} +
                args);
    Ctl r;
    if (!p.waitForStarted())
        return r;
    r.pid = p.processId();
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestControlAudit::changingCommandsNameTheKernelsCaller()
{
    QVERIFY(m_engine->start());
    // tandemctl's own process, as the kernel saw it connect.
    const Ctl reset = ctl({QStringLiteral("events"), QStringLiteral("reset")});
    QVERIFY2(reset.exitCode == 0, qPrintable(reset.err));
    QVERIFY(reset.pid > 0);
    QVERIFY2(m_engine->waitForEvent(audit(QStringLiteral("reset-events"), reset.pid)),
             qPrintable(m_engine->events().join(QLatin1Char('\n'))));
    // Posted after the reset: the wipe is the first thing the new history holds.
    const Ctl exported = ctl({QStringLiteral("events"), QStringLiteral("export"),
                              m_engine->stateDir() + QStringLiteral("/../after-reset.txt")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile after(m_engine->stateDir() + QStringLiteral("/../after-reset.txt"));
    QVERIFY(after.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = after.readAll().split('\n');
    QVERIFY2(lines.constFirst().contains(audit(QStringLiteral("reset-events"), reset.pid).toUtf8()),
             lines.constFirst().constData());

    // This test process itself, through its own connection: its pid, not a claimed one.
    QString error;
    const auto answer = ControlClient::request(
        m_engine->stateDir(),
        {{QStringLiteral("command"), QStringLiteral("notify-retry")},
         {QStringLiteral("pid"), 1}, // what a client says about itself counts for nothing
         {QStringLiteral("uid"), 0}},
        5000, &error);
    QVERIFY2(answer, qPrintable(error));
    if (answer->value(QLatin1String("ok")).toBool())
        QVERIFY(m_engine->waitForEvent(
            audit(QStringLiteral("notify-retry"), QCoreApplication::applicationPid())));
    const auto reload = ControlClient::request(
        m_engine->stateDir(), {{QStringLiteral("command"), QStringLiteral("reload")}}, 5000,
        &error);
    QVERIFY2(reload && reload->value(QLatin1String("ok")).toBool(), qPrintable(error));
    QVERIFY(m_engine->waitForEvent(
        audit(QStringLiteral("reload"), QCoreApplication::applicationPid())));
}

void TestControlAudit::readingCommandsAreNotRecorded()
{
    QVERIFY(m_engine->start());
    const Ctl status = ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QString error;
    QVERIFY(ControlClient::request(m_engine->stateDir(),
                                   {{QStringLiteral("command"), QStringLiteral("flush-events")}},
                                   5000, &error));
    // A changing command afterwards, so that anything posted before it has arrived.
    QVERIFY(ControlClient::request(m_engine->stateDir(),
                                   {{QStringLiteral("command"), QStringLiteral("reload")}}, 5000,
                                   &error));
    QVERIFY(m_engine->waitForEvent(QStringLiteral("Control command 'reload'")));
    QCOMPARE(m_engine->countEvents(QStringLiteral("Control command")), 1);
}

void TestControlAudit::operatorCannotResetTheHistory()
{
    m_engine->environment().insert(QStringLiteral("TANDEM_TEST_CONTROL_ROLE"),
                                   QStringLiteral("operator"));
    QVERIFY(m_engine->start());
    QVERIFY(m_engine->waitForEvent(QStringLiteral("Tandem engine started")));

    const Ctl reset = ctl({QStringLiteral("events"), QStringLiteral("reset")});
    QCOMPARE(reset.exitCode, 1);
    QVERIFY2(
        reset.err.contains(QStringLiteral("'reset-events' needs the administrator role")) &&
            reset.err.contains(QStringLiteral("tandem-admin")) &&
            reset.err.contains(QStringLiteral("(uid %1) has the operator role").arg(::getuid())),
        qPrintable(reset.err));
    QVERIFY(!reset.out.contains(QStringLiteral("cleared")));
    // Recorded, naming who tried.
    QVERIFY(m_engine->waitForEvent(
        QStringLiteral("Control command 'reset-events' from %1 (uid %2, pid %3) was refused")
            .arg(userName())
            .arg(::getuid())
            .arg(reset.pid)));
    // Nothing was lost: the start events are still in the history.
    const QString file = m_engine->stateDir() + QStringLiteral("/../kept.txt");
    const Ctl exported = ctl({QStringLiteral("events"), QStringLiteral("export"), file});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile kept(file);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(kept.readAll().contains("Tandem engine started"));

    // A reload after a configuration change is refused as well; the change is saved but
    // tandemctl says the engine was not told, and why.
    const Ctl set = ctl({QStringLiteral("diagnostics"), QStringLiteral("set"),
                         QStringLiteral("--max-events"), QStringLiteral("5000")});
    QVERIFY2(set.err.contains(QStringLiteral("the running engine was not told: 'reload' needs "
                                             "the administrator role")),
             qPrintable(set.err));

    // What an operator may do still works: status, and a switch (refused here only
    // because no such pair runs, not for the role).
    const Ctl status = ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QString error;
    const auto answer =
        ControlClient::request(m_engine->stateDir(),
                               {{QStringLiteral("command"), QStringLiteral("switch")},
                                {QStringLiteral("pair"), QStringLiteral("line9")},
                                {QStringLiteral("side"), QStringLiteral("primary")}},
                               5000, &error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->value(QLatin1String("error")).toString(),
             QStringLiteral("pair 'line9' is not running"));
    QVERIFY(!answer->value(QLatin1String("refused")).toBool());
}

QTEST_GUILESS_MAIN(TestControlAudit)
#include "tst_controlaudit.moc"
