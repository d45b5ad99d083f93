// Who may do what through the engine's control socket: the decision is a
// pure function of the peer's kernel credentials and the groups tandem and tandem-admin,
// checked here by a table, since tests cannot switch users. The wiring (SO_PEERCRED on a
// real connection, the refusal, the audit event) is in tst_controlaudit.
#include "host/controlrole.h"

#include <QTest>

using namespace tandem;

Q_DECLARE_METATYPE(tandem::ControlRole)
Q_DECLARE_METATYPE(tandem::PeerCredentials)

namespace {
constexpr uid_t ServiceUid = 990;
constexpr gid_t Operators = 991; // tandem
constexpr gid_t Admins = 992;    // tandem-admin
constexpr gid_t Users = 100;

PeerCredentials peer(uid_t uid, gid_t gid, QList<gid_t> groups = {})
{
    PeerCredentials p;
    p.pid = 4242;
    p.uid = uid;
    p.gid = gid;
    p.groups = std::move(groups);
    p.known = true;
    return p;
}
} // namespace

class TestControlRole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void role_data();
    void role();
    void commands_data();
    void commands();
    void unknownPeerHasNoRole();
    void missingGroupsGrantNothing();
};

void TestControlRole::role_data()
{
    QTest::addColumn<PeerCredentials>("peer");
    QTest::addColumn<ControlRole>("role");
    QTest::newRow("root") << peer(0, 0) << ControlRole::Administrator;
    QTest::newRow("the service user") << peer(ServiceUid, Operators) << ControlRole::Administrator;
    QTest::newRow("operator, primary group tandem")
        << peer(1000, Operators) << ControlRole::Operator;
    QTest::newRow("operator, supplementary group tandem")
        << peer(1000, Users, {Users, Operators}) << ControlRole::Operator;
    QTest::newRow("administrator, supplementary tandem-admin")
        << peer(1001, Users, {Users, Admins}) << ControlRole::Administrator;
    QTest::newRow("in both groups")
        << peer(1002, Users, {Operators, Admins}) << ControlRole::Administrator;
    QTest::newRow("administrator, primary group tandem-admin")
        << peer(1003, Admins) << ControlRole::Administrator;
    QTest::newRow("nobody") << peer(65534, 65534) << ControlRole::None;
    QTest::newRow("another user") << peer(1004, Users, {Users, 27}) << ControlRole::None;
}

void TestControlRole::role()
{
    QFETCH(PeerCredentials, peer);
    QFETCH(ControlRole, role);
    const RoleGroups groups{ServiceUid, Operators, Admins};
    QCOMPARE(controlRole(peer, groups), role);
}

void TestControlRole::commands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<ControlRole>("needed");
    QTest::addColumn<bool>("changing");
    QTest::newRow("status") << QStringLiteral("status") << ControlRole::Operator << false;
    QTest::newRow("flush-events") << QStringLiteral("flush-events") << ControlRole::Operator
                                  << false;
    QTest::newRow("switch") << QStringLiteral("switch") << ControlRole::Operator << true;
    QTest::newRow("make-active") << QStringLiteral("make-active") << ControlRole::Operator << true;
    QTest::newRow("notify-retry") << QStringLiteral("notify-retry") << ControlRole::Operator
                                  << true;
    QTest::newRow("reset-events") << QStringLiteral("reset-events") << ControlRole::Administrator
                                  << true;
    QTest::newRow("reload") << QStringLiteral("reload") << ControlRole::Administrator << true;
    QTest::newRow("license-refresh")
        << QStringLiteral("license-refresh") << ControlRole::Administrator << true;
    QTest::newRow("opcua-user-add")
        << QStringLiteral("opcua-user-add") << ControlRole::Administrator << true;
    QTest::newRow("opcua-user-remove")
        << QStringLiteral("opcua-user-remove") << ControlRole::Administrator << true;
    QTest::newRow("unknown") << QStringLiteral("format-disk") << ControlRole::None << false;
}

void TestControlRole::commands()
{
    QFETCH(QString, command);
    QFETCH(ControlRole, needed);
    QFETCH(bool, changing);
    QCOMPARE(requiredRole(command), needed);
    QCOMPARE(isChangingCommand(command), changing);
}

void TestControlRole::unknownPeerHasNoRole()
{
    PeerCredentials p = peer(0, 0);
    p.known = false; // SO_PEERCRED failed: never assume root
    QCOMPARE(controlRole(p, {ServiceUid, Operators, Admins}), ControlRole::None);
}

void TestControlRole::missingGroupsGrantNothing()
{
    // On a machine without the groups, -1 must not match a peer whose gid reads as -1.
    const RoleGroups none{ServiceUid, gid_t(-1), gid_t(-1)};
    QCOMPARE(controlRole(peer(1000, gid_t(-1), {gid_t(-1)}), none), ControlRole::None);
    QCOMPARE(controlRole(peer(ServiceUid, gid_t(-1)), none), ControlRole::Administrator);
}

QTEST_GUILESS_MAIN(TestControlRole)
#include "tst_controlrole.moc"
