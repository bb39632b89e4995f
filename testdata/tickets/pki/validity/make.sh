#!/usr/bin/env bash
# Makes the PKI of the tickets about certificate validity (17 and 18): Fabrikam's root CA, an
# issuing CA that expired on 2026-09-30 while the certificates it issued run on, an application
# certificate from that CA (payments-gw), and an application certificate issued by the root that
# expired on 2026-10-31 (billing-batch). The outputs are checked in; run this only to remake them
# (the tickets then need the new PEMs).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/ext.cnf" <<'CNF'
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[issuing]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[app]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
# shellcheck source=../lib.sh
. ../lib.sh
key root; key issuing; key payments; key billing
ca_init
sign root "/C=NL/O=Fabrikam BV/CN=Fabrikam Root CA" self 01 root 20240101000000Z 20340101000000Z
sign issuing "/C=NL/O=Fabrikam BV/CN=Fabrikam Issuing CA 2" root 02 issuing 20231001000000Z 20260930235959Z
sign payments "/C=NL/O=Fabrikam BV/OU=Payments/CN=payments-gw" issuing 3F01 app 20250601000000Z 20270601000000Z
sign billing "/C=NL/O=Fabrikam BV/OU=Finance/CN=billing-batch" root 3F02 app 20250501000000Z 20261031235959Z
