//! Decoded objects cross a boundary as JSON plus their DER (the page's worker sends them so): read
//! back and restored, every object of every fixture equals the one decoded, and the JSON written
//! is the JSON `mqocsp decode --json` prints, unchanged.

use mqocsp_core::certificate::HashAlgorithm;
use mqocsp_core::decode::{Decoded, DecodedObject, Problem};
use mqocsp_core::extension::ExtensionValue;
use mqocsp_core::general_name::{GeneralName, IpRange, KeyPurpose};
use mqocsp_core::name::DistinguishedName;
use mqocsp_core::ocsp::build_request;
use mqocsp_core::{Certificate, ObjectBody, decode, decode_bytes, oids};
use mqocsp_testkit::der::{
    algorithm, bits, enumerated, explicit, generalized_time, int, octets, seq,
};
use mqocsp_testkit::ocsp::extension;
use mqocsp_testkit::pki::{Authority, CertSpec};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// JSON out, JSON in, DER put back: what the page's worker and the page do with each object.
fn carried(object: &DecodedObject) -> DecodedObject {
    let json = serde_json::to_string(object).unwrap();
    let mut back: DecodedObject =
        serde_json::from_str(&json).unwrap_or_else(|error| panic!("reading back {json}: {error}"));
    back.restore(object.der.clone());
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON written again"
    );
    back
}

#[test]
fn every_fixture_object_round_trips_through_json_and_der() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    let (mut objects, mut kinds) = (0, std::collections::BTreeSet::new());
    for path in &paths {
        let decoded = decode_bytes(&std::fs::read(path).unwrap());
        for object in &decoded.objects {
            assert_eq!(
                &carried(object),
                object,
                "{}: {}",
                path.display(),
                object.source
            );
            objects += 1;
            kinds.insert(format!("{:?}", object.body.kind()));
            if let ObjectBody::OcspResponse(response) = &object.body {
                // Embedded certificates got their DER-derived fields back too.
                for certificate in response.basic.iter().flat_map(|b| &b.certificates) {
                    assert!(
                        !certificate.public_key_bits.is_empty(),
                        "{}",
                        path.display()
                    );
                }
            }
        }
        // The whole paste, problems included, as `decode --json` writes it.
        let json = serde_json::to_string(&decoded).unwrap();
        let mut back: Decoded = serde_json::from_str(&json).unwrap();
        for (object, original) in back.objects.iter_mut().zip(&decoded.objects) {
            object.restore(original.der.clone());
        }
        assert_eq!(back, decoded, "{}", path.display());
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
    assert!(objects >= 80, "only {objects} objects found under testdata");
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["Certificate", "OcspResponse"]
    );
}

/// testdata holds no CRL and no OCSP request: one of each, built here, with the fields that have
/// their own JSON forms (a revoked entry with a reason, a CRL number, a nonce).
#[test]
fn a_crl_and_an_ocsp_request_round_trip_through_json_and_der() {
    let root = Authority::root(&CertSpec::new("Round Trip CA").organization("mqocsp"));
    let leaf = root.issue(
        &CertSpec::new("qm1.example.test")
            .dns(&["qm1.example.test"])
            .tls(),
    );
    let issuer = Certificate::parse(&root.certificate.der).unwrap();
    let reason = extension("2.5.29.21", false, &enumerated(1));
    let tbs = seq(&[
        int(&[1]),
        algorithm("1.3.101.112", false),
        issuer.subject_der.clone(),
        generalized_time("20261120000000"),
        generalized_time("20261210000000"),
        seq(&[seq(&[
            int(&[0x2a]),
            generalized_time("20261101000000"),
            seq(&[reason]),
        ])]),
        explicit(0, &seq(&[extension("2.5.29.20", false, &int(&[7]))])),
    ]);
    let crl = seq(&[tbs, algorithm("1.3.101.112", false), bits(&[0x5a; 64])]);
    let request = build_request(
        &Certificate::parse(&leaf.der).unwrap(),
        &issuer,
        Some(&[0x01; 16]),
    );
    for (index, der) in [crl, request, octets(b"not an object")].iter().enumerate() {
        let decoded = decode_bytes(der);
        assert_eq!(
            decoded.objects.len(),
            usize::from(index < 2),
            "{:?}",
            decoded.problems
        );
        for object in &decoded.objects {
            assert_eq!(&carried(object), object, "{}", object.source);
        }
        let json = serde_json::to_string(&decoded).unwrap();
        let mut back: Decoded = serde_json::from_str(&json).unwrap();
        for (object, original) in back.objects.iter_mut().zip(&decoded.objects) {
            object.restore(original.der.clone());
        }
        assert_eq!(back, decoded);
    }
}

#[test]
fn problems_read_back_say_the_same_at_the_same_place() {
    let decoded = decode("-----BEGIN CERTIFICATE-----\nMIIB\n");
    let json = serde_json::to_string(&decoded.problems).unwrap();
    let back: Vec<Problem> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, decoded.problems);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn general_names_and_purposes_read_back_from_their_text() {
    let names = [
        GeneralName::Dns("qm1.example.test".into()),
        GeneralName::Email("a@b.test".into()),
        GeneralName::Uri("http://ocsp.example.test:8080/".into()),
        GeneralName::Ip("10.1.2.3".parse().unwrap()),
        GeneralName::Ip("2001:db8::1".parse().unwrap()),
        GeneralName::IpRange(IpRange {
            address: vec![10, 0, 0, 0],
            mask: vec![255, 0, 0, 0],
        }),
        GeneralName::RegisteredId("1.2.3.4".into()),
        GeneralName::Other("1.3.6.1.4.1.311.20.2.3".into()),
        GeneralName::X400Address,
        GeneralName::EdiPartyName,
        GeneralName::Invalid {
            tag: 7,
            bytes: vec![1, 2, 3, 4, 5],
        },
        GeneralName::Invalid {
            tag: 2,
            bytes: vec![0xff],
        },
    ];
    for name in names {
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(
            serde_json::from_str::<GeneralName>(&json).unwrap(),
            name,
            "{json}"
        );
    }
    // Locations (CRL distribution points, AIA) write a URI bare and other forms labelled.
    let points = ExtensionValue::CrlDistributionPoints {
        points: vec![
            GeneralName::Uri("http://crl.example.test/ca.crl".into()),
            GeneralName::Uri("ldap://ldap.example.test/cn=CA?certificateRevocationList".into()),
            GeneralName::Directory(DistinguishedName::from_rfc4514("CN=CRL1,O=Example").unwrap()),
            GeneralName::Dns("crl.example.test".into()),
        ],
        relative_to_issuer: false,
        issuer_only: true,
        crl_issuers: vec![GeneralName::Directory(
            DistinguishedName::from_rfc4514("CN=Indirect CRL CA,O=Example").unwrap(),
        )],
    };
    let json = serde_json::to_string(&points).unwrap();
    assert!(
        json.contains(r#""http://crl.example.test/ca.crl""#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<ExtensionValue>(&json).unwrap(),
        points,
        "{json}"
    );
    // Every hash mqocsp names (RSASSA-PSS parameters), and an unnamed one, comes back.
    for dotted in oids::NAMES
        .iter()
        .map(|(dotted, _)| *dotted)
        .chain(["1.2.3.4.5"])
    {
        let hash = HashAlgorithm::from_oid(dotted);
        let json = serde_json::to_string(&hash).unwrap();
        assert_eq!(
            serde_json::from_str::<HashAlgorithm>(&json).unwrap(),
            hash,
            "{json}"
        );
    }
    // Every purpose mqocsp names, and an unnamed one, comes back as its OID.
    let named = oids::NAMES.iter().map(|(dotted, _)| *dotted);
    for dotted in named.chain([KeyPurpose::SERVER_AUTH, KeyPurpose::ANY, "1.2.3.4.5"]) {
        let purpose = KeyPurpose(dotted.to_owned());
        let json = serde_json::to_string(&purpose).unwrap();
        assert_eq!(
            serde_json::from_str::<KeyPurpose>(&json).unwrap(),
            purpose,
            "{json}"
        );
    }
}
