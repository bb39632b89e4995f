use super::*;

const S_CLIENT: &str = "\
$ openssl s_client -connect qm.example.test:1414 -servername pl81n2e-mqichl -showcerts -status
CONNECTED(00000003)
depth=1 C = GB, O = Pulsar, CN = Pulsar Issuing CA
verify error:num=20:unable to get local issuer certificate
verify return:1
depth=0 CN = qm.example.test
verify return:1
OCSP response: no response sent
---
Certificate chain
 0 s:CN = qm.example.test
   i:C = GB, O = Pulsar, CN = Pulsar Issuing CA
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Nov  1 00:00:00 2026 GMT; NotAfter: Nov  1 00:00:00 2027 GMT
-----BEGIN CERTIFICATE-----
MIIB
-----END CERTIFICATE-----
 1 s:C = GB, O = Pulsar, CN = Pulsar Issuing CA
   i:C = GB, O = Pulsar, CN = Pulsar Root CA
-----BEGIN CERTIFICATE-----
MIIB
-----END CERTIFICATE-----
---
Server certificate
subject=CN = qm.example.test
issuer=C = GB, O = Pulsar, CN = Pulsar Issuing CA
---
Acceptable client certificate CA names
C = GB, O = Pulsar, CN = Pulsar Root CA
C = GB, O = Pulsar, CN = Pulsar Issuing CA
Requested Signature Algorithms: RSA-PSS+SHA256:ECDSA+SHA256
Peer signing digest: SHA256
---
SSL handshake has read 3400 bytes and written 450 bytes
Verification error: unable to get local issuer certificate
---
New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256
Server public key is 2048 bit
Verify return code: 20 (unable to get local issuer certificate)
---
";

#[test]
fn s_client_chain_verify_code_ca_names_and_no_stapling() {
    let read = parse(S_CLIENT);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let s = read.s_client.unwrap();
    assert_eq!(s.line, 2);
    assert!(s.connected);
    let chain: Vec<(u32, &str, Option<&str>, usize)> = s
        .chain
        .iter()
        .map(|c| (c.depth, c.subject.as_str(), c.issuer.as_deref(), c.line))
        .collect();
    assert_eq!(
        chain,
        [
            (
                0,
                "CN = qm.example.test",
                Some("C = GB, O = Pulsar, CN = Pulsar Issuing CA"),
                11
            ),
            (
                1,
                "C = GB, O = Pulsar, CN = Pulsar Issuing CA",
                Some("C = GB, O = Pulsar, CN = Pulsar Root CA"),
                18
            )
        ]
    );
    assert_eq!(
        s.verify_errors,
        [(
            1,
            20,
            "unable to get local issuer certificate".to_owned(),
            4
        )]
    );
    assert_eq!(
        s.verify_return_code,
        Some((20, "unable to get local issuer certificate".to_owned(), 39))
    );
    assert_eq!(s.ocsp_stapled, Some(false));
    assert_eq!(s.acceptable_ca_names.len(), 2);
    assert_eq!(s.acceptable_ca_names[0].1, 29);
    assert_eq!(s.protocol.as_deref(), Some("TLSv1.3"));
    assert_eq!(s.cipher.as_deref(), Some("TLS_AES_128_GCM_SHA256"));
    assert!(read.ocsp.is_empty());
}

const OCSP_TEXT: &str = "\
> OCSP Response Data:
>     OCSP Response Status: successful (0x0)
>     Response Type: Basic OCSP Response
>     Version: 1 (0x0)
>     Responder Id: C = GB, O = Pulsar, CN = Pulsar OCSP
>     Produced At: Nov 30 16:00:00 2026 GMT
>     Responses:
>     Certificate ID:
>       Hash Algorithm: sha1
>       Issuer Name Hash: 0123
>       Issuer Key Hash: 4567
>       Serial Number: 1001
>     Cert Status: revoked
>     Revocation Time: Nov 29 10:00:00 2026 GMT
>     Revocation Reason: keyCompromise (0x1)
>     This Update: Nov 30 16:00:00 2026 GMT
>     Next Update: Dec  1 16:00:00 2026 GMT
> Response verify OK
> client.pem: revoked
";

#[test]
fn ocsp_resp_text_reads_status_times_and_verification() {
    let read = parse(OCSP_TEXT);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(read.s_client.is_none());
    let [r] = read.ocsp.as_slice() else {
        panic!("{:?}", read.ocsp)
    };
    assert_eq!(r.status, Some(("successful".into(), 0)));
    assert_eq!(
        r.responder_id.as_deref(),
        Some("C = GB, O = Pulsar, CN = Pulsar OCSP")
    );
    assert_eq!(r.produced_at.unwrap().to_string(), "2026-11-30T16:00:00Z");
    assert_eq!(r.verified, Some((true, 18)));
    let [single] = r.responses.as_slice() else {
        panic!("{:?}", r.responses)
    };
    assert_eq!(single.line, 8);
    assert_eq!(single.serial.as_deref(), Some("1001"));
    assert_eq!(single.status, Some(TextCertStatus::Revoked));
    assert_eq!(
        single.revocation_time.unwrap().to_string(),
        "2026-11-29T10:00:00Z"
    );
    assert_eq!(single.revocation_reason.as_deref(), Some("keyCompromise"));
    assert_eq!(
        single.next_update.unwrap().to_string(),
        "2026-12-01T16:00:00Z"
    );
}

#[test]
fn responder_errors_failures_and_stapled_responses() {
    let read = parse("Responder Error: unauthorized (6)\n");
    assert_eq!(read.ocsp[0].status, Some(("unauthorized".into(), 6)));
    let read = parse(
        "OCSP Response Status: successful (0x0)\n    Cert Status: good\nResponse Verify Failure\n140:error:27069065:OCSP routines:OCSP_basic_verify:certificate verify error\n",
    );
    assert_eq!(read.ocsp[0].verified, Some((false, 3)));
    assert_eq!(read.ocsp[0].responses[0].status, Some(TextCertStatus::Good));
    let stapled = parse(
        "CONNECTED(00000003)\nOCSP response: \n======================================\nOCSP Response Data:\n    OCSP Response Status: successful (0x0)\n    Cert Status: unknown\n======================================\n",
    );
    assert_eq!(stapled.s_client.unwrap().ocsp_stapled, Some(true));
    assert!(stapled.ocsp[0].stapled);
    assert_eq!(
        stapled.ocsp[0].responses[0].status,
        Some(TextCertStatus::Unknown)
    );
    let bad = parse("OCSP Response Status: successful (0x0)\n    This Update: yesterday\n");
    assert_eq!(bad.problems[0].0, 2);
}

#[test]
fn printed_certificates_read_serial_names_validity_and_urls() {
    let text = "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number: 1714945 (0x1a2b01)\n        Issuer: C=GB, O=Northwind Trading, CN=Northwind Root CA 2025\n        Validity\n            Not Before: Jan  1 00:00:00 2025 GMT\n            Not After : Jan  1 00:00:00 2030 GMT\n        Subject: C=GB, O=Northwind Trading, CN=mqprd01.northwind.example\n        X509v3 extensions:\n            X509v3 Basic Constraints: critical\n                CA:FALSE\n            X509v3 Extended Key Usage: \n                TLS Web Server Authentication, TLS Web Client Authentication\n            X509v3 CRL Distribution Points: \n                Full Name:\n                  URI:http://crl.northwind.example/issuing.crl\n            Authority Information Access: \n                OCSP - URI:http://ocsp.northwind.example:8080/\n    Signature Algorithm: sha256WithRSAEncryption\nCertificate:\n    Data:\n        Serial Number:\n            5a:0c:77\n";
    let read = parse(text);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let [c, second] = read.certificates.as_slice() else {
        panic!("{:?}", read.certificates)
    };
    assert_eq!(c.line, 1);
    assert_eq!(c.serial.as_deref(), Some("1a2b01"));
    assert_eq!(
        c.issuer.as_deref(),
        Some("C=GB, O=Northwind Trading, CN=Northwind Root CA 2025")
    );
    assert_eq!(
        c.subject.as_deref(),
        Some("C=GB, O=Northwind Trading, CN=mqprd01.northwind.example")
    );
    assert_eq!(c.not_before.unwrap().to_string(), "2025-01-01T00:00:00Z");
    assert_eq!(c.not_after.unwrap().to_string(), "2030-01-01T00:00:00Z");
    assert_eq!(c.ca, Some(false));
    assert_eq!(
        c.extended_key_usage,
        [
            "TLS Web Server Authentication",
            "TLS Web Client Authentication"
        ]
    );
    assert_eq!(c.crl_urls, ["http://crl.northwind.example/issuing.crl"]);
    assert_eq!(c.ocsp_urls, ["http://ocsp.northwind.example:8080/"]);
    assert_eq!(
        (second.line, second.serial.as_deref()),
        (21, Some("5a0c77"))
    );
    assert!(
        read.ocsp.is_empty(),
        "a certificate's serial is not an OCSP single response's"
    );
}

#[test]
fn a_resp_text_response_keeps_its_responder_certificate_apart() {
    let text = format!(
        "{OCSP_TEXT}    Signature Algorithm: sha256WithRSAEncryption\n    Signature Value:\n        a8:f5:97\nCertificate:\n    Data:\n        Serial Number: 4096 (0x1000)\n        Subject: CN=Pulsar OCSP\n"
    );
    let read = parse(&text);
    assert_eq!(read.ocsp.len(), 1);
    assert_eq!(read.ocsp[0].responses.len(), 1);
    assert_eq!(read.ocsp[0].responses[0].serial.as_deref(), Some("1001"));
    assert_eq!(read.certificates.len(), 1);
    assert_eq!(read.certificates[0].serial.as_deref(), Some("1000"));
    assert_eq!(
        read.certificates[0].subject.as_deref(),
        Some("CN=Pulsar OCSP")
    );
}

#[test]
fn ocsp_summary_lines_without_resp_text_read_name_status_and_times() {
    // `openssl ocsp -issuer … -cert qm.pem -serial 0x1002 -url …` without -resp_text.
    let text = "\
$ openssl ocsp -issuer issuing.pem -cert qm.pem -serial 0x1002 -url http://ocsp.example.test/
Response verify OK
qm.pem: revoked
\tThis Update: Nov 30 18:52:48 2026 GMT
\tNext Update: Dec  1 18:52:48 2026 GMT
\tReason: keyCompromise
\tRevocation Time: Nov 27 09:30:00 2026 GMT
0x1002: good
\tThis Update: Nov 30 18:52:48 2026 GMT
";
    let read = parse(text);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let [r] = read.ocsp.as_slice() else {
        panic!("{:?}", read.ocsp)
    };
    assert_eq!(r.verified, Some((true, 2)));
    let [qm, other] = r.responses.as_slice() else {
        panic!("{:?}", r.responses)
    };
    assert_eq!(qm.name.as_deref(), Some("qm.pem"));
    assert_eq!(qm.status, Some(TextCertStatus::Revoked));
    assert_eq!(qm.revocation_reason.as_deref(), Some("keyCompromise"));
    assert_eq!(
        qm.revocation_time.unwrap().to_string(),
        "2026-11-27T09:30:00Z"
    );
    assert_eq!(other.name.as_deref(), Some("0x1002"));
    assert_eq!(other.status, Some(TextCertStatus::Good));
    // Without an openssl ocsp command or output around it, `x: good` is prose.
    assert!(parse("status: good\n").ocsp.is_empty());
}

#[test]
fn a_certificate_under_its_file_name_is_labelled_with_it() {
    let pem = include_str!("../../../../testdata/tickets/pki/qm.pem");
    let issuing = include_str!("../../../../testdata/tickets/pki/issuing.pem");
    let text = format!("qm.pem:\n{pem}\nand the CA (/tmp/issuing.pem):\n\n{issuing}\n{pem}");
    assert_eq!(
        labelled_certificates(&text),
        [
            ("qm.pem".to_owned(), "5a0c31".to_owned()),
            ("issuing.pem".to_owned(), "1a2b01".to_owned()),
        ]
    );
}

#[test]
fn an_error_response_keeps_what_the_command_asked_about() {
    let read = parse(
        "$ openssl ocsp -issuer issuing.pem -cert qm.pem -serial 0x1A2B01 -url http://ocsp/ -resp_text\n\
         Responder Error: unauthorized (6)\n",
    );
    let [r] = read.ocsp.as_slice() else {
        panic!("{:?}", read.ocsp)
    };
    assert_eq!(r.status, Some(("unauthorized".into(), 6)));
    assert!(r.responses.is_empty());
    assert_eq!(r.asked, ["qm.pem", "0x1A2B01"]);
}
