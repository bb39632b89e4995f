//! Decoding pasted text: every shape of paste, every problem, with where it is.

use mqocsp_core::decode::Completeness;
use mqocsp_core::{DecodeError, Location, SourceFormat, decode};
use mqocsp_testkit::pki::{Authority, CertSpec, self_signed};
use time::macros::datetime;

fn only_problem(text: &str) -> DecodeError {
    let decoded = decode(text);
    assert!(
        decoded.objects.is_empty(),
        "expected no object from {text:?}"
    );
    assert_eq!(decoded.problems.len(), 1, "{:?}", decoded.problems);
    decoded.problems[0].0.clone()
}

#[test]
fn certificate_fields_match_what_was_issued() {
    let ca = Authority::root(
        &CertSpec::new("Test Root CA")
            .organization("mqocsp")
            .country("JP"),
    );
    let leaf = ca.issue(
        &CertSpec::new("www.qm1.example.test")
            .organization("Pulsar, Integration")
            .serial(&[0x00, 0x9a, 0x01])
            .validity(
                datetime!(2022-02-02 13:22:24 UTC),
                datetime!(2031-08-02 08:20:27 UTC),
            ),
    );
    let decoded = decode(&leaf.pem);
    assert_eq!(
        decoded.completeness(),
        Completeness::Complete,
        "{:?}",
        decoded.problems
    );
    let cert = decoded.certificates().next().unwrap();
    assert_eq!(
        cert.subject.rfc4514,
        "CN=www.qm1.example.test,O=Pulsar\\, Integration"
    );
    assert_eq!(cert.subject.first("O"), Some("Pulsar, Integration"));
    assert_eq!(cert.issuer.rfc4514, "CN=Test Root CA,O=mqocsp,C=JP");
    assert_eq!(cert.serial, "9a01");
    assert_eq!(cert.not_before.to_string(), "2022-02-02T13:22:24Z");
    assert_eq!(cert.not_after.to_string(), "2031-08-02T08:20:27Z");
    assert_eq!(cert.version, 3);
    assert_eq!(cert.signature_algorithm.name, "ed25519");
}

#[test]
fn every_block_is_found_in_any_shape_of_paste() {
    let one = self_signed(&CertSpec::new("one.test")).pem;
    let two = self_signed(&CertSpec::new("two.test")).pem;
    let quoted: String = two.lines().map(|line| format!("> {line}\n")).collect();
    let indented: String = one.lines().map(|line| format!("   {line}  \n")).collect();
    let crlf = one.replace('\n', "\r\n");
    let cases: [(&str, String, &[&str]); 5] = [
        (
            "two blocks with text around",
            format!("Hello,\n{one}and\n{two}Regards\n"),
            &["one.test", "two.test"],
        ),
        (
            "e-mail quoting",
            format!("On Monday you wrote:\n{quoted}"),
            &["two.test"],
        ),
        ("indented with trailing spaces", indented, &["one.test"]),
        ("CRLF line ends", crlf, &["one.test"]),
        (
            "log line prefix",
            format!("2022-02-02 13:22:24 cert: {one}"),
            &["one.test"],
        ),
    ];
    for (name, text, subjects) in cases {
        let decoded = decode(&text);
        assert!(
            decoded.problems.is_empty(),
            "{name}: {:?}",
            decoded.problems
        );
        let found: Vec<_> = decoded
            .certificates()
            .map(|c| c.subject.first("CN").unwrap().to_owned())
            .collect();
        assert_eq!(found, subjects, "{name}");
    }
}

#[test]
fn source_says_where_each_block_starts() {
    let one = self_signed(&CertSpec::new("one.test")).pem;
    let text = format!("line one\nline two\n  {one}");
    let decoded = decode(&text);
    let source = &decoded.objects[0].source;
    assert_eq!(
        source.format,
        SourceFormat::Pem {
            label: "CERTIFICATE".into()
        }
    );
    assert_eq!(
        source.start,
        Location {
            offset: 20,
            line: 3,
            column: 3
        }
    );
    let block = &text[source.start.offset..source.start.offset + source.length];
    assert!(block.starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(block.ends_with("-----END CERTIFICATE-----"));
}

#[test]
fn problems_say_what_and_where() {
    let cases: [(&str, &str, &str); 8] = [
        ("empty", "  \n ", "nothing was pasted"),
        ("no block", "just some words", "no PEM block"),
        (
            "bad character",
            "-----BEGIN CERTIFICATE-----\nMIIB\nAB$C\n-----END CERTIFICATE-----",
            "line 3, column 3: '$' is not a base64 character (in the CERTIFICATE block)",
        ),
        (
            "unterminated",
            "text\n-----BEGIN CERTIFICATE-----\nMIIB\n",
            "line 2, column 1: the CERTIFICATE block has no '-----END CERTIFICATE-----' line",
        ),
        (
            "cut base64",
            "-----BEGIN CERTIFICATE-----\nMIIBA\n-----END CERTIFICATE-----",
            "line 3, column 1: the CERTIFICATE block holds 5 base64 characters",
        ),
        (
            "empty block",
            "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----",
            "line 1, column 1: the CERTIFICATE block is empty",
        ),
        (
            "unknown label",
            "-----BEGIN FANCY THING-----\nAAAA\n-----END FANCY THING-----",
            "does not decode PEM blocks labelled FANCY THING",
        ),
        (
            "not a certificate",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
            "line 1, column 1: the CERTIFICATE block is not valid DER: byte 2: 1 byte(s) follow",
        ),
    ];
    for (name, text, expected) in cases {
        let message = only_problem(text).to_string();
        assert!(
            message.contains(expected),
            "{name}: {message:?} lacks {expected:?}"
        );
    }
}

#[test]
fn label_mismatch_is_reported_and_the_certificate_kept() {
    let pem = self_signed(&CertSpec::new("mismatch.test")).pem;
    let text = pem.replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");
    let decoded = decode(&text);
    assert_eq!(decoded.completeness(), Completeness::Partial);
    assert_eq!(decoded.certificates().count(), 1);
    let message = decoded.problems[0].0.to_string();
    assert!(
        message.contains("began as CERTIFICATE but ends as X509 CRL"),
        "{message}"
    );
}

#[test]
fn one_broken_block_does_not_hide_the_others() {
    let good = self_signed(&CertSpec::new("good.test")).pem;
    let text =
        format!("{good}-----BEGIN CERTIFICATE-----\nMII#\n-----END CERTIFICATE-----\n{good}");
    let decoded = decode(&text);
    assert_eq!(decoded.completeness(), Completeness::Partial);
    assert_eq!(decoded.certificates().count(), 2);
    assert_eq!(decoded.problems.len(), 1);
    let at = decoded.problems[0].0.at().unwrap();
    assert_eq!((at.line, at.column), (good.lines().count() + 2, 4));
}

#[test]
fn trailing_bytes_are_reported_and_the_certificate_kept() {
    use base64::Engine as _;
    let mut der = self_signed(&CertSpec::new("trailing.test")).der;
    der.extend_from_slice(&[0, 0, 0]);
    let body = base64::engine::general_purpose::STANDARD.encode(&der);
    let decoded = decode(&format!(
        "-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----"
    ));
    assert_eq!(decoded.certificates().count(), 1);
    let expected = format!(
        "line 1, column 1: the CERTIFICATE block is not valid DER: byte {}: 3 byte(s) follow the \
         end of the value",
        der.len() - 3
    );
    assert_eq!(decoded.problems[0].0.to_string(), expected);
    assert_eq!(decoded.problems[0].0.at(), Some(Location::START));
}

#[test]
fn truncated_and_flipped_certificates_yield_problems_never_panics() {
    use base64::Engine as _;
    let der = self_signed(&CertSpec::new("fuzz.test")).der;
    let wrap = |bytes: &[u8]| {
        let body = base64::engine::general_purpose::STANDARD.encode(bytes);
        format!("-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n")
    };
    for cut in 0..der.len() {
        let decoded = decode(&wrap(&der[..cut]));
        assert!(
            decoded.objects.is_empty(),
            "a {cut}-byte prefix decoded as a certificate"
        );
        assert_eq!(
            decoded.problems.len(),
            1,
            "cut at {cut}: {:?}",
            decoded.problems
        );
    }
    for index in 0..der.len() {
        let mut flipped = der.clone();
        flipped[index] ^= 0xff;
        // Must not panic; a flip inside a value may still decode, so only the call is checked.
        let _ = decode(&wrap(&flipped));
    }
}

/// Truncations and byte flips of every fixture (certificates and OCSP responses of the seed's
/// PKI): every truncation is reported and never decodes as an object; no flip panics.
#[test]
fn broken_fixtures_yield_problems_never_panics() {
    for (name, text) in mqocsp_testkit::fixtures::files() {
        let decoded = decode(&text);
        assert_eq!(decoded.problems, vec![], "{name} decodes cleanly");
        let der = decoded.objects[0].der.clone();
        for cut in 1..der.len() {
            let broken = mqocsp_core::decode_bytes(&der[..cut]);
            assert!(
                broken.objects.is_empty(),
                "{name}: {cut}-byte prefix decoded"
            );
            assert!(
                !broken.problems.is_empty(),
                "{name}: {cut}-byte prefix has no problem"
            );
        }
        for index in 0..der.len() {
            let mut flipped = der.clone();
            flipped[index] ^= 0x5a;
            let _ = mqocsp_core::decode_bytes(&flipped);
        }
    }
}

#[test]
fn an_invalid_time_names_its_field_and_byte() {
    // A certificate whose notAfter is not a time (as cryptography's badasn1time.pem): the
    // parser's bare "invalid date" becomes the field, the byte and what is there.
    let leaf = self_signed(&CertSpec::new("qm1.example.test").validity(
        datetime!(2022-02-02 13:22:24 UTC),
        datetime!(2023-02-02 13:22:24 UTC),
    ));
    let mut der = leaf.der.clone();
    let at = der
        .windows(13)
        .position(|w| w == b"230202132224Z")
        .expect("notAfter as a UTCTime");
    der[at + 2] = b'1';
    der[at + 3] = b'3'; // month 13
    let text = mqocsp_testkit::crl::pem(&der).replace("X509 CRL", "CERTIFICATE");
    let message = only_problem(&text).to_string();
    assert!(
        message.contains(&format!(
            "byte {}: tbsCertificate.validity.notAfter should be a UTCTime YYMMDDHHMMSSZ but is '231302132224Z'",
            at - 2
        )),
        "{message}"
    );
    // A CRL whose thisUpdate is 31 November.
    let ca = Authority::root(&CertSpec::new("Test Root CA"));
    let crl = mqocsp_testkit::crl::crl(
        &ca.certificate,
        &mqocsp_testkit::crl::CrlSpec {
            this_update: "20261131000000",
            ..mqocsp_testkit::crl::CrlSpec::good()
        },
    );
    let message = only_problem(&mqocsp_testkit::crl::pem(&crl)).to_string();
    assert!(
        message.contains("tbsCertList.thisUpdate should be a GeneralizedTime YYYYMMDDHHMMSSZ but is '20261131000000Z'"),
        "{message}"
    );
}
