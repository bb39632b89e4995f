# Shared by the tickets' PKI scripts (make.sh, validity/make.sh): sourced after `work` (a
# scratch directory holding keys, the CA database and ext.cnf) is set.

# key NAME: a 2048-bit RSA key in $work/NAME.key.
key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$1.key" 2>/dev/null; }

# ca_init: the `openssl ca` configuration and an empty database in $work.
ca_init() {
  cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = d
[d]
database = $work/db.txt
serial = $work/serial
new_certs_dir = $work
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
[any]
commonName = supplied
CNF
  : > "$work/db.txt"
}

# sign NAME SUBJECT ISSUER SERIAL SECTION START END: NAME.pem, issued by ISSUER.pem ("self" for a
# root) with the extensions of SECTION in $work/ext.cnf, valid from START to END (YYYYMMDDHHMMSSZ).
sign() {
  openssl req -new -key "$work/$1.key" -subj "$2" -out "$work/$1.csr"
  local issuer=(-cert "$3.pem" -keyfile "$work/$3.key")
  [ "$3" = self ] && issuer=(-selfsign -keyfile "$work/$1.key")
  printf '%s\n' "$4" > "$work/serial"
  openssl ca -batch -config "$work/ca.cnf" -notext -preserveDN -in "$work/$1.csr" -out "$1.pem" \
    "${issuer[@]}" -startdate "$6" -enddate "$7" \
    -extfile "$work/ext.cnf" -extensions "$5" >/dev/null 2>&1
}
