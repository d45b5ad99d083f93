#include "ctlcommand.h"

#include "arguments.h"
#include "base/testhooks.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include <utility>

namespace tandem {

using namespace ctl;

QString CtlCommand::usage()
{
    return tr("Usage: tandemctl [--config FILE] [--state-dir DIR] COMMAND\n"
              "\n"
              "  pair add NAME --protocol modbus-tcp|opcua --primary HOST[:PORT] --secondary "
              "HOST[:PORT]\n"
              "           --listen ADDR:PORT|URL [--mode cold|warm|hot] [--reconnect-primary "
              "yes|no]\n"
              "           [--status-interval MS] [--status-timeout MS] [--failure-count N]\n"
              "           [--failback-holdoff MS] [--failure-persistence N] [--status-item REF]\n"
              "           [--write-replay yes|no]\n"
              "           [--server-connections shared|per-client]  (Modbus TCP)\n"
              "           [--client-limit N] [--requests-per-client N] [--output-per-client "
              "BYTES]\n"
              "           [--user NAME [--password-stdin]]  (OPC UA; the password to the "
              "keychain)\n"
              "           [--max-sessions N] [--max-sessions-per-address N] [--handshake-timeout "
              "MS]\n"
              "           [--idle-timeout MS] [--activation-timeout MS] [--login-attempts N]\n"
              "           [--login-lockout MS] [--max-subscriptions N] [--max-monitored-items N]\n"
              "           [--max-message-size BYTES]  (OPC UA client limits)\n"
              "           [--security POLICY:MODE] [--primary-security POLICY:MODE]\n"
              "           [--secondary-security POLICY:MODE] [--primary-certificate "
              "THUMBPRINT|none]\n"
              "           [--secondary-certificate THUMBPRINT|none] [--allow-deprecated yes|no]\n"
              "           [--waive-host-name yes|no]   (OPC UA: the links to the servers)\n"
              "           [--listen-security POLICY:MODE[,POLICY:MODE...]]  (OPC UA: the "
              "endpoint;\n"
              "           e.g. Basic256Sha256:SignAndEncrypt, Aes256_Sha256_RsaPss:Sign, "
              "None:None)\n"
              "           [--anonymous yes|no] [--opcua-users yes|no] [--pair-user yes|no]\n"
              "           [--user-certificates yes|no] [--clear-text-passwords yes|no]\n"
              "           (OPC UA: who may log on to the endpoint)\n"
              "           [--primary-user NAME] [--secondary-user NAME] [--clear-text-to-servers "
              "yes|no]\n"
              "           [--primary-password-stdin | --secondary-password-stdin]\n"
              "           (OPC UA: the engine's user on each server, else --user)\n"
              "  pair set NAME [any option of pair add]\n"
              "  pair alias NAME NEW_NAME --listen ADDR:PORT|URL    pair unalias NAME\n"
              "  pair remove NAME    pair enable NAME    pair disable NAME    pair list [--json]\n"
              "  pair switch NAME primary|secondary|auto   (the operator's hold; auto ends it)\n"
              "  monitor add NAME --item ID [--access-path P] [--type T] [--rate MS]\n"
              "              --trigger bad-quality|value|no-change [--data VALUE]\n"
              "  monitor list NAME    monitor remove NAME INDEX\n"
              "  notify set [--enable yes|no] [--primary-smtp URL] [--secondary-smtp URL] [--from "
              "ADDR]\n"
              "             [--to ADDR]... [--subject S] [--header H] [--footer F] [--events "
              "all|ID,...]\n"
              "             [--allow-plaintext yes|no] [--ca-file FILE] [--user NAME] "
              "[--password-stdin]\n"
              "             [--retry-hours H] [--batch-window S] [--timeout S]\n"
              "  notify test [--connection primary|secondary]    notify retry  (the outbox, now)\n"
              "  diagnostics set [--preserve yes|no] [--max-events N]\n"
              "  license status [--json] | serial S | unlock PASSWORD\n"
              "  license transfer prepare|out|in --media DIR    license transfer out --abort\n"
              "  opcua user add NAME [--pairs P1,P2] [--operator] [--password-stdin]\n"
              "             a user of the OPC UA endpoints (all pairs unless --pairs); the\n"
              "             password is asked twice, or one line of standard input\n"
              "  opcua user remove NAME    opcua user list [--json]  (never the passwords)\n"
              "  config check\n"
              "  cert show [--json]   (Tandem's OPC UA certificate; made on first use)\n"
              "  cert list [--json]   (trusted, issuers and rejected certificates)\n"
              "  cert trust THUMBPRINT|FILE    cert reject THUMBPRINT    cert remove "
              "THUMBPRINT\n"
              "  cert renew    cert import CERT KEY | FILE.p12 [--password-stdin]\n"
              "  status [--json]      (live state from the running engine)\n"
              "  events export FILE    events reset\n"
              "  backup create [--to DIR]   (tandem.xml, events and outbox; default DIR: the\n"
              "                scheduled backups' folder, else STATE-DIR/backups)\n"
              "  backup list [--to DIR] [--json]\n"
              "  backup set [--enable yes|no] [--interval-hours N] [--retention-days N] [--to "
              "DIR]\n"
              "  backup restore FILE   (engine stopped; every pair starts disabled)\n"
              "  service install [--system|--user] [--unit-only] [--root DIR] [--force]\n"
              "                 tandemd as a systemd service: --system (default; all users, at "
              "boot,\n"
              "                 /etc/tandem and /var/lib/tandem, asks for administrator rights) "
              "or\n"
              "                 --user (at your login, your own files); --unit-only writes the "
              "unit\n"
              "                 file only; --force replaces a different unit (kept as .bak)\n"
              "  service uninstall [--system|--user] [--root DIR]   (configuration and state "
              "stay)\n"
              "  service status [--json]\n"
              "\n"
              "Environment: TANDEM_CONFIG and TANDEM_STATE_DIR stand in for --config and "
              "--state-dir.\n")
#if TANDEM_HAS_TEST_HOOKS
           + tr("Test hooks (this build has them; a release build does not):\n"
                "--machine-id-file FILE stands in for /etc/machine-id (tests: two computers on "
                "one), as does TANDEM_MACHINE_ID_FILE; TANDEM_SYSTEMCTL, TANDEM_PKEXEC, "
                "TANDEM_GROUPADD, TANDEM_SYSTEMD_RUNTIME_DIR (/run/systemd/system) and "
                "TANDEM_TANDEMD stand in for the programs and paths of service install.\n")
#endif
        ;
}

int CtlCommand::run(const QStringList &arguments)
{
    try {
        QStringList flags{QStringLiteral("json"), QStringLiteral("password-stdin"),
                          QStringLiteral("help"), QStringLiteral("abort")};
        if (commandWord(arguments) == QLatin1String("opcua"))
            flags << QStringLiteral("operator");
        if (commandWord(arguments) == QLatin1String("pair"))
            flags << QStringLiteral("primary-password-stdin")
                  << QStringLiteral("secondary-password-stdin");
        if (commandWord(arguments) == QLatin1String("service"))
            flags << QStringLiteral("system") << QStringLiteral("user")
                  << QStringLiteral("unit-only") << QStringLiteral("force");
        Arguments args(arguments, flags);
        if (args.has(QStringLiteral("help")) || args.positional().isEmpty()) {
            (args.has(QStringLiteral("help")) ? m_out : m_err) << usage();
            return args.has(QStringLiteral("help")) ? 0 : 2;
        }
#if TANDEM_HAS_TEST_HOOKS
        const QString machineIdFile =
            args.value(QStringLiteral("machine-id-file")).value_or(QString());
#else
        const QString machineIdFile;
#endif
        const TandemPaths paths = TandemPaths::resolve(
            args.value(QStringLiteral("config")).value_or(QString()),
            args.value(QStringLiteral("state-dir")).value_or(QString()), machineIdFile);
        const QStringList words = args.positional();
        const QString group = words.at(0);
        if (group == QLatin1String("status")) {
            Session session(m_out, m_err, paths);
            return statusCommand(session, args);
        }
        if (words.size() < 2)
            usageError(tr("'%1' needs a subcommand; see tandemctl --help").arg(group));
        const QString verb = words.at(1);
        Session session(m_out, m_err, paths);
        using Group = int (*)(Session &, const QString &, Arguments &);
        static const std::pair<const char *, Group> groups[] = {
            {"pair", pairCommand},       {"monitor", monitorCommand},
            {"notify", notifyCommand},   {"diagnostics", diagnosticsCommand},
            {"config", configCommand},   {"events", eventsCommand},
            {"license", licenseCommand}, {"backup", backupCommand},
            {"cert", certCommand},       {"opcua", opcuaCommand}};
        for (const auto &[name, command] : groups)
            if (group == QLatin1String(name))
                return command(session, verb, args);
        if (group == QLatin1String("service"))
            return serviceCommand(m_out, m_err, paths, verb, args);
        usageError(tr("unknown command '%1'; see tandemctl --help").arg(group));
    } catch (const CommandError &error) {
        m_err << QStringLiteral("tandemctl: ") << error.message << Qt::endl;
        if (error.exitCode == 2)
            m_err << tr("Run 'tandemctl --help' for the commands and options.") << Qt::endl;
        return error.exitCode;
    }
}

} // namespace tandem
