#!/bin/sh
# Regenerates the TEST-ONLY certificates the SMTP peer (../smtp_server.py) serves.
# The private keys are public in this repository: never trust ca.pem outside the tests.
#   ca.pem/ca.key               test CA
#   server.pem/server.key       CN=localhost, SAN DNS:localhost IP:127.0.0.1, signed by the CA
#   untrusted.pem/untrusted.key same names, self-signed: checks that clients verify
# EC P-256 keys, valid for 36500 days from now; valid since 2000 too, so a machine whose
# clock is behind the one that made them still accepts them. Needs OpenSSL 3.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "openssl ca" because only it can set the start date in OpenSSL 3.0.
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any_name
unique_subject = no
[any_name]
commonName = supplied
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:localhost,IP:127.0.0.1
CNF
: > "$work/index.txt"
openssl rand -hex 8 > "$work/serial"

ca() { # NAME EXTENSIONS -- further "openssl ca" options
    name=$1 ext=$2
    shift 2
    openssl ca -batch -notext -config "$work/ca.cnf" -extensions "$ext" \
        -startdate 20000101000000Z -enddate "$(date -u -d '+36500 days' +%Y%m%d%H%M%SZ)" \
        -in "$work/$name.csr" -out "$name.pem" "$@"
}

newkey() { # NAME SUBJECT
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"
    openssl req -new -key "$1.key" -subj "$2" -out "$work/$1.csr"
}

newkey ca "/CN=Tandem Test CA"
ca ca ca_ext -selfsign -keyfile ca.key
newkey server "/CN=localhost"
ca server leaf_ext -cert ca.pem -keyfile ca.key
newkey untrusted "/CN=localhost"
ca untrusted leaf_ext -selfsign -keyfile untrusted.key

chmod 644 ./*.pem ./*.key
openssl verify -CAfile ca.pem server.pem
