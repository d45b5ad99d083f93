#pragma once

// The signatures that bind a session to the applications' certificates (OPC 10000-4
// §5.6.2 and §5.6.3): the server signs the client's certificate and nonce in its
// CreateSession answer, the client signs the server's certificate and nonce in
// ActivateSession, each with its own private key under the channel's policy.

#include "asymmetriccrypto.h"
#include "sessionservices.h"

#include <optional>

namespace tandem::opcua {

// SignatureData over certificate + nonce with ownKey under policy.
std::optional<SignatureData> signSession(const SecurityPolicy &policy, const AsymmetricKey &ownKey,
                                         QByteArrayView certificate, QByteArrayView nonce,
                                         CryptoError *error);

// True when signature is the signer's (the first certificate of signerCertificateChain)
// over certificate + nonce under policy; BadApplicationSignatureInvalid naming what is wrong
// otherwise (another algorithm, no usable certificate, a signature that does not match).
bool verifySessionSignature(const SecurityPolicy &policy, const QByteArray &signerCertificateChain,
                            const SignatureData &signature, QByteArrayView certificate,
                            QByteArrayView nonce, CryptoError *error);

} // namespace tandem::opcua
