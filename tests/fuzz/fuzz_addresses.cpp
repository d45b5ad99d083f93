// libFuzzer target: the address parsers a person or a file feeds: a pair's endpoint and
// machines (Modbus TCP and OPC UA), Modbus item ids and OPC UA URLs. The input is
// [parser:1][text, UTF-8]. Each must accept or refuse with a reason, never crash; what it
// accepts must print back to text that parses to the same address.
#include "config/endpoint.h"
#include "config/itemaddress.h"
#include "opcua/client.h"

#include <cstdlib>

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Protocol protocol = data[0] & 1 ? Protocol::OpcUa : Protocol::ModbusTcp;
    QString error;
    switch ((data[0] >> 1) % 4) {
    case 0: {
        const std::optional<Endpoint> e = Endpoint::parse(text, protocol, &error);
        if (!e && error.isEmpty())
            abort(); // refused without saying why
        if (e)
            (void)e->overlaps(*e), (void)e->isWildcard();
        break;
    }
    case 1: {
        const std::optional<MachineAddress> m = MachineAddress::parse(text, protocol, &error);
        if (!m && error.isEmpty())
            abort();
        if (m) {
            QString again;
            const std::optional<MachineAddress> back =
                MachineAddress::parse(m->toString(), protocol, &again);
            if (!back || back->host != m->host || back->port != m->port || back->path != m->path)
                abort(); // toString() must round-trip
            (void)m->opcUaUrl();
        }
        break;
    }
    case 2: {
        const std::optional<modbus::ItemAddress> a = modbus::ItemAddress::parse(text, &error);
        if (!a && error.isEmpty())
            abort();
        if (a) {
            QString again;
            const std::optional<modbus::ItemAddress> back =
                modbus::ItemAddress::parse(a->toString(), &again);
            if (!back || back->unit != a->unit || back->table != a->table ||
                back->offset != a->offset)
                abort();
            for (int type = 0; type < 8; ++type)
                (void)a->checkType(DataType(type));
        }
        break;
    }
    case 3: {
        QString host;
        quint16 port = 0;
        if (!opcua::Client::parseUrl(text, &host, &port, &error) && error.isEmpty())
            abort();
        break;
    }
    }
    return 0;
}
