#!/usr/bin/env bash
# Makes the PKI the hand-written tickets in testdata/tickets quote (a customer's, not the seed's):
# Northwind's root and issuing CAs, the queue manager's and the application's certificates (AIA
# pointing at the issuing CA's responder), and the OCSP answers a customer would have fetched.
# The outputs are checked in; run this only to remake them (the tickets then need new PEMs).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
days=1825
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
authorityInfoAccess = OCSP;URI:http://ocsp-root.northwind.example/
[qm]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:mqprd01.northwind.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://ocsp.northwind.example:8080/
[app]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://ocsp.northwind.example:8080/
CNF
# shellcheck source=lib.sh
. ./lib.sh
key root; key issuing; key qm; key app
ca_init
# Valid 2025 to 2030, so that tickets dated 2026 fall inside.
valid=(20250101000000Z 20300101000000Z)
sign root "/C=GB/O=Northwind Trading/CN=Northwind Root CA 2025" self 4E57000001 root "${valid[@]}"
sign issuing "/C=GB/O=Northwind Trading/CN=Northwind Issuing CA 1" root 1A2B01 issuing "${valid[@]}"
sign qm "/C=GB/O=Northwind Trading/OU=Messaging/CN=mqprd01.northwind.example" issuing 5A0C31 qm "${valid[@]}"
sign app "/C=GB/O=Northwind Trading/OU=Apps/CN=orders-svc" issuing 5A0C77 app "${valid[@]}"
# The responder's view: the queue manager's certificate revoked, the application's good.
{
  printf 'R\t301231235959Z\t261127093000Z,keyCompromise\t5A0C31\tunknown\t/C=GB/O=Northwind Trading/OU=Messaging/CN=mqprd01.northwind.example\n'
  printf 'V\t301231235959Z\t\t5A0C77\tunknown\t/C=GB/O=Northwind Trading/OU=Apps/CN=orders-svc\n'
} > "$work/index.txt"
answer() { # cert out
  openssl ocsp -issuer issuing.pem -cert "$1.pem" -no_nonce -reqout "$work/$1.req" >/dev/null
  openssl ocsp -index "$work/index.txt" -rsigner issuing.pem -rkey "$work/issuing.key" -CA issuing.pem \
    -reqin "$work/$1.req" -respout "$2.der" -ndays 3650 >/dev/null 2>&1
  openssl ocsp -respin "$2.der" -resp_text -noverify > "$2.txt" 2>/dev/null
  { echo "-----BEGIN OCSP RESPONSE-----"; base64 -w 64 "$2.der"; echo "-----END OCSP RESPONSE-----"; } > "$2.pem"
  rm "$2.der"
}
answer qm ocsp-qm-revoked
answer app ocsp-app-good
# A responder that does not know the queue manager's serial (another CA's index).
printf 'V\t301231235959Z\t\t0999\tunknown\t/CN=someone else\n' > "$work/index.txt"
answer qm ocsp-qm-unknown
