#pragma once

// Who an OPC UA pair lets in on its endpoint, and who the engine is on each server: the
// identity a client presents to the proxy (OPC 10000-4 §7.41: anonymous, a user name and
// password, an X.509 certificate) and the user the engine logs in with are separate
// settings. In tandem.xml one element of the pair:
//
//   <opcua-identity anonymous="no" users="yes" pair-user="no" certificates="no"
//                   clear-text-passwords="no" primary-user="" secondary-user=""
//                   clear-text-to-servers="no"/>
//
// A pair written before this element existed gets beforeIdentities(): what the proxy did
// then (anonymous when the pair had no user, else only that user with its keychain
// password, in whatever form the client sent it), so an upgrade locks nobody out.

#include "configissue.h"

#include <QList>
#include <QString>
#include <QXmlStreamAttributes>

#include <utility>

class QXmlStreamWriter;

namespace tandem {

struct OpcUaIdentity
{
    // The proxy's endpoint.
    bool anonymous = false;    // AnonymousIdentityToken accepted
    bool storeUsers = true;    // the OPC UA users of opcua-users.json (OpcUaUserStore)
    bool pairUser = false;     // PairConfig::user with its keychain password
    bool certificates = false; // X509IdentityToken, certificate trusted in pki/
    // A password the client did not encrypt (its token's encryptionAlgorithm empty).
    bool clearTextFromClients = false;

    // The servers: the user the engine logs in with on each, empty for the pair's user.
    QString primaryUser;
    QString secondaryUser;
    // Send a password in clear to a server that offers nothing else.
    bool clearTextToServers = false;

    // What a pair without the element had (see above).
    static OpcUaIdentity beforeIdentities(const QString &pairUser);

    // The user of side 0 (primary) or 1 (secondary); pairUser when not set.
    QString serverUser(int side, const QString &pairUserName) const;

    // The element's attributes into this; each problem as (attribute, message).
    QList<std::pair<QString, QString>> read(const QXmlStreamAttributes &attributes);
    void write(QXmlStreamWriter &writer) const;
    // Problems, each with the field pathPrefix + "/" + attribute.
    ConfigIssues validate(const QString &pathPrefix, bool isOpcUa) const;

    friend bool operator==(const OpcUaIdentity &, const OpcUaIdentity &) = default;
};

} // namespace tandem
