//! The fuzzing entry points: one function per cargo-fuzz target (`fuzz/fuzz_targets/*.rs` call
//! them with libFuzzer's bytes) and [`TARGETS`], which the replay test
//! (`crates/core/tests/fuzz_replay.rs`) runs over every input kept in `fuzz/regressions/`.
//!
//! Each entry feeds the bytes to one parser the way the page and the CLI do (text parsers get the
//! bytes as lossy UTF-8), then walks and renders what came out, and checks the invariants the rest
//! of mqocsp relies on: spans inside the input, problems located inside the paste, JSON that
//! encodes, a case that survives its own JSON and share-link round trips. A panic here is a bug,
//! whether it comes from the parser or from a broken invariant.
// Panicking on a broken invariant is the point of this module.
#![allow(clippy::panic)]

use crate::der::{self, Node, Tag};
use crate::mq::case::Case;
use crate::mq::sslpeer::{PeerDn, PeerPattern};
use crate::mq::{ccdt, share};
use crate::mq::{cmdline::ClientApp, errlog::LogFacts, index::Index, ini, mqsc::MqscDefinitions};
use crate::ocsp::{OcspRequest, OcspResponse};
use crate::present::{asn1_text, card, card_text};
use crate::verify::{LegacyAlgorithms, OcspInput, Profile, verify_ocsp};
use crate::{Certificate, Timestamp, crl::Crl, decode, decode_bytes, input};

/// One fuzzing entry: it takes libFuzzer's bytes and panics only on a bug.
pub type Entry = fn(&[u8]);

/// Every target: its name (the file under `fuzz/fuzz_targets/` and the folder under
/// `fuzz/regressions/`) and its entry.
pub const TARGETS: &[(&str, Entry)] = &[
    ("input_detection", input_detection),
    ("der_tree", der_tree),
    ("certificate", certificate),
    ("ocsp_response", ocsp_response),
    ("ocsp_request", ocsp_request),
    ("crl", crl),
    ("ini", ini_text),
    ("cmdline", cmdline),
    ("ccdt", ccdt_json),
    ("mqsc", mqsc),
    ("index_txt", index_txt),
    ("error_log", error_log),
    ("case_import", case_import),
    ("ticket", ticket),
    ("openssl_text", openssl_text),
    ("environment", environment),
    ("path_building", path_building),
    ("name_constraints", name_constraints),
];

/// The entry called `name`.
pub fn target(name: &str) -> Option<Entry> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A fixed evaluation time, so a run is repeatable.
fn at() -> Timestamp {
    Timestamp::parse_rfc3339("2022-02-02T16:46:35Z").unwrap_or_else(|| panic!("fixed time parses"))
}

/// The tree's shape: every span inside its parent's content and the input, children in order
/// without overlap, and a value marked as encapsulating exactly what the parser promises (one
/// strict-DER value filling a primitive OCTET or BIT STRING).
fn check_tree(node: &Node, der: &[u8]) {
    let span = node.span();
    assert!(
        span.end <= der.len(),
        "node {span:?} ends past the input ({} bytes)",
        der.len()
    );
    let content = node.content_span();
    assert!(
        content.start >= span.start && content.end <= span.end,
        "content {content:?} outside {span:?}"
    );
    let mut index = 0;
    let mut previous_end = content.start;
    while let Some(child) = node.child(index) {
        let c = child.span();
        assert!(
            c.start >= previous_end && c.end <= content.end,
            "child {c:?} overlaps its sibling or leaves the content {content:?}"
        );
        previous_end = c.end;
        check_tree(child, der);
        index += 1;
    }
    if node.encapsulates {
        assert!(
            !node.tag.constructed,
            "a constructed value marked as encapsulating"
        );
        assert!(
            node.tag == Tag::OCTET_STRING || node.tag == Tag::BIT_STRING,
            "{} marked as encapsulating",
            node.tag.name()
        );
        assert_eq!(index, 1, "an encapsulating value with {index} children");
        let inner_start = content.start + usize::from(node.tag == Tag::BIT_STRING);
        let inner = der.get(inner_start..content.end).unwrap_or_default();
        assert!(
            der::is_strict_der(inner),
            "encapsulated bytes at {inner_start} are not strict DER"
        );
        assert_eq!(node.child(0).map(|c| c.span().start), Some(inner_start));
    }
}

/// Pasted text: detection (PEM, base64, hex), decoding, the cards, the JSON and the paste sorter.
pub fn input_detection(data: &[u8]) {
    let text = text(data);
    let scan = input::scan(&text);
    for problem in &scan.problems {
        if let Some(location) = problem.at() {
            assert!(
                location.line >= 1 && location.column >= 1,
                "problem at line or column 0: {problem:?}"
            );
            assert!(
                location.offset <= text.len(),
                "problem past the paste: {problem:?}"
            );
        }
    }
    let decoded = decode(&text);
    render(&decoded);
    let (case, _) = crate::mq::sort::auto_case(&decoded, &text, "2022-02-02T16:46:35Z");
    let _ = crate::mq::predict::predict(&case);
}

fn render(decoded: &crate::Decoded) {
    for (number, object) in decoded.objects.iter().enumerate() {
        check_tree(&object.tree, &object.der);
        let _ = card_text(number + 1, &card(object, Some(at())));
        let _ = asn1_text(&object.tree, &object.der);
    }
    if let Err(e) = serde_json::to_string(decoded) {
        panic!("decode JSON does not encode: {e}");
    }
}

/// Raw bytes as a DER value: the lenient tree, its spans, its text, and every offset's lookup.
pub fn der_tree(data: &[u8]) {
    let tree = der::parse(data);
    if let Some(root) = &tree.root {
        check_tree(root, data);
        let _ = asn1_text(root, data);
        if tree.is_strict() {
            assert_eq!(
                root.span().end,
                data.len(),
                "a strict tree that does not end with the input"
            );
        }
        for offset in [0, data.len() / 2, data.len().saturating_sub(1)] {
            if let Some(path) = root.node_at(offset) {
                let mut node = root;
                for &i in &path {
                    node = node.child(i).unwrap_or_else(|| {
                        panic!("node_at({offset}) gave a path that does not exist: {path:?}")
                    });
                }
                assert!(
                    node.span().contains(offset),
                    "node_at({offset}) found {:?}",
                    node.span()
                );
            }
        }
    }
    for problem in &tree.problems {
        assert!(
            problem.offset() < data.len().max(1),
            "problem past the input: {problem:?}"
        );
    }
    // The same bytes uploaded as a file.
    render(&decode_bytes(data));
}

/// Raw bytes as a certificate: the model, its accessors and its card.
pub fn certificate(data: &[u8]) {
    let Ok(cert) = Certificate::parse(data) else {
        return;
    };
    let _ = (
        cert.short_name(),
        cert.ocsp_urls(),
        cert.crl_urls(),
        cert.alt_names(),
        cert.key_usages(),
        cert.purposes(),
    );
    let _ = (
        cert.basic_constraints(),
        cert.key_id(),
        cert.authority_key_id(),
    );
    let _ = crate::present::certificate_facts(&cert, Some(at()));
    if let Err(e) = serde_json::to_string(&cert) {
        panic!("certificate JSON does not encode: {e}");
    }
    // Self-verification exercises the signature and chain code on whatever the bytes hold.
    let _ = crate::verify::verify_chain(&crate::verify::ChainInput {
        profile: crate::verify::ChainProfile::Rfc5280,
        crls: &[],
        max_depth: None,
        policy: Default::default(),
        target: &cert,
        untrusted: &[],
        anchors: std::slice::from_ref(&cert),
        at: at(),
        purpose: crate::verify::Purpose::Any,
        peer_name: Some("qm1.example.com"),
        legacy: LegacyAlgorithms::default(),
    });
}

/// Raw bytes as an OCSP response, then validated in both profiles against the certificates it
/// carries (the first standing in for the issuer).
pub fn ocsp_response(data: &[u8]) {
    let Ok(response) = OcspResponse::parse(data) else {
        return;
    };
    if let Err(e) = serde_json::to_string(&response) {
        panic!("OCSP response JSON does not encode: {e}");
    }
    let certs: Vec<Certificate> = response
        .basic
        .iter()
        .flat_map(|basic| basic.certificates.iter().cloned())
        .collect();
    let Some(issuer) = certs.first() else { return };
    for profile in [Profile::Rfc6960, Profile::Gskit] {
        let _ = verify_ocsp(&OcspInput {
            max_age: None,
            response: &response,
            issuer,
            target: certs.get(1),
            untrusted: &certs,
            trusted_responders: &[],
            request: None,
            at: at(),
            profile,
            legacy: LegacyAlgorithms::default(),
        });
    }
}

/// Raw bytes as an OCSP request.
pub fn ocsp_request(data: &[u8]) {
    let Ok(request) = OcspRequest::parse(data) else {
        return;
    };
    if let Err(e) = serde_json::to_string(&request) {
        panic!("OCSP request JSON does not encode: {e}");
    }
}

/// Raw bytes as a CRL.
pub fn crl(data: &[u8]) {
    let tree = der::parse(data);
    let Some(root) = &tree.root else { return };
    let Ok(crl) = Crl::from_der(data, root) else {
        return;
    };
    if let Err(e) = serde_json::to_string(&crl) {
        panic!("CRL JSON does not encode: {e}");
    }
    // As a revocation source for a fixed certificate: the issuer, signature and time checks.
    if let [cert, issuer, ..] = fixture_chain() {
        let _ = crate::verify::crl::crl_verdict(
            &crl,
            data,
            issuer,
            cert,
            at(),
            LegacyAlgorithms::Allow,
        );
    }
}

/// The seed's queue manager certificate and its CA, decoded once.
fn fixture_chain() -> &'static [Certificate] {
    static CHAIN: std::sync::OnceLock<Vec<Certificate>> = std::sync::OnceLock::new();
    CHAIN.get_or_init(|| {
        decode(concat!(
            include_str!("../../../testdata/fixtures/queue-manager.pem"),
            include_str!("../../../testdata/fixtures/server-ca.pem")
        ))
        .certificates()
        .cloned()
        .collect()
    })
}

/// mqclient.ini / qm.ini text and the SSL stanza read from it.
pub fn ini_text(data: &[u8]) {
    let parsed = ini::Ini::parse(&text(data));
    let _ = ini::SslStanza::from_ini(&parsed);
}

/// An SSLPEER / SSLPeerName: a pattern that parses matches the DN its own terms describe
/// (wildcards matching nothing), and the pattern suggested for that DN parses and matches it too.
fn peer_name(text: &str) {
    let Ok(pattern) = PeerPattern::parse(text) else {
        return;
    };
    let dn = PeerDn {
        attributes: pattern
            .terms
            .iter()
            .map(|t| (t.attribute.to_owned(), t.value.replace('*', "")))
            .collect(),
    };
    if let Err(mismatch) = pattern.check(&dn) {
        panic!("'{text}' does not match the DN of its own terms: {mismatch}");
    }
    let suggested = dn.suggested_pattern();
    if suggested.is_empty() {
        return;
    }
    match PeerPattern::parse(&suggested) {
        Ok(again) => {
            if let Err(mismatch) = again.check(&dn) {
                panic!("the suggested '{suggested}' does not match its DN: {mismatch}");
            }
        }
        Err(e) => panic!("the suggested '{suggested}' does not parse: {e}"),
    }
}

/// An `mqpgfc`-style command line, and its SSLPeerName.
pub fn cmdline(data: &[u8]) {
    let app = ClientApp::parse(&text(data));
    if let Some(name) = &app.mqcd.peer_name {
        peer_name(name);
    }
}

/// A JSON CCDT, and each channel's certificatePeerName.
pub fn ccdt_json(data: &[u8]) {
    for mqcd in ccdt::parse(&text(data)).unwrap_or_default() {
        if let Some(name) = &mqcd.peer_name {
            peer_name(name);
        }
    }
}

/// MQSC definitions, and each channel's SSLPEER.
pub fn mqsc(data: &[u8]) {
    let defs = MqscDefinitions::parse(&text(data));
    let _ = defs.crl_namelist();
    for name in defs.channels.iter().filter_map(|c| c.sslpeer.as_deref()) {
        peer_name(name);
    }
}

/// An openssl `index.txt`.
pub fn index_txt(data: &[u8]) {
    let _ = Index::parse(&text(data));
}

/// An MQ error log.
pub fn error_log(data: &[u8]) {
    let _ = LogFacts::parse(&text(data));
}

/// A whole ticket: split into pieces, each piece read by its reader. Pieces lie inside the paste,
/// in order, without overlap; every line a reader reports lies inside its piece; a piece's kind is
/// never a guess its reader cannot read at all.
pub fn ticket(data: &[u8]) {
    use crate::mq::sort::TextKind;
    use crate::mq::{env, ini, ini_kind, openssl_text, split};
    let text = text(data);
    let total = text.lines().count().max(1);
    let mut previous_end = 0;
    for piece in split::pieces(&text) {
        assert!(
            piece.line > previous_end && piece.line <= piece.end_line && piece.end_line <= total,
            "piece {}..{} of {total} lines after {previous_end}",
            piece.line,
            piece.end_line
        );
        previous_end = piece.end_line;
        let lines = piece.text.lines().count().max(1);
        assert_eq!(
            lines,
            piece.end_line - piece.line + 1,
            "a piece keeps every line of its span"
        );
        let inside =
            |line: usize| assert!(line <= lines, "line {line} outside a {lines}-line piece");
        match piece.kind {
            TextKind::ErrorLog | TextKind::Ffst => {
                let facts = LogFacts::parse(&piece.text);
                facts.messages.iter().for_each(|m| inside(m.line));
                facts.problems.iter().for_each(|p| inside(p.line));
                let _ = facts.vrmf();
            }
            TextKind::Mqsc | TextKind::RunmqscOutput => {
                let defs = MqscDefinitions::parse(&piece.text);
                defs.problems.iter().for_each(|p| inside(p.line));
            }
            TextKind::SslStanza | TextKind::Ini => {
                let parsed = ini::Ini::parse(&piece.text);
                let _ = ini_kind::kind(&parsed);
                let _ = ini::SslStanza::from_ini(&parsed);
            }
            TextKind::Environment => env::parse(&piece.text)
                .vars
                .iter()
                .for_each(|v| inside(v.line)),
            TextKind::OpensslSClient | TextKind::OpensslOcsp | TextKind::OpensslX509 => {
                openssl_text::parse(&piece.text)
                    .problems
                    .iter()
                    .for_each(|(l, _)| inside(*l));
            }
            TextKind::Ccdt => {
                let _ = ccdt::read(&piece.text);
            }
            TextKind::KeystoreList => {
                let read = crate::mq::keystore_text::parse(&piece.text);
                read.entries.iter().for_each(|e| inside(e.line));
            }
            TextKind::BinaryCcdt => {
                let _ = ccdt::binary(piece.text.as_bytes());
            }
            TextKind::CommandLine => {
                let _ = ClientApp::parse(&piece.text);
            }
            TextKind::IndexTxt => {
                let _ = Index::parse(&piece.text);
            }
        }
    }
    let _ = crate::mq::sort::auto_case(&crate::Decoded::default(), &text, "2022-02-02T16:46:35Z");
}

/// `openssl s_client` and `openssl ocsp` output.
pub fn openssl_text(data: &[u8]) {
    let text = text(data);
    let total = text.lines().count().max(1);
    let read = crate::mq::openssl_text::parse(&text);
    for (line, _) in &read.problems {
        assert!(
            *line >= 1 && *line <= total,
            "problem at line {line} of {total}"
        );
    }
    if let Some(s) = &read.s_client {
        assert!(s.chain.iter().all(|c| c.line <= total));
    }
}

/// Environment variable lines.
pub fn environment(data: &[u8]) {
    let text = text(data);
    let env = crate::mq::env::parse(&text);
    for var in &env.vars {
        let line = crate::mq::quote::lines(&text)
            .get(var.line - 1)
            .copied()
            .unwrap_or_else(|| panic!("line {} exists", var.line));
        assert!(
            var.column >= 1 && var.column <= line.len() + 1,
            "column {} of '{line}'",
            var.column
        );
    }
    let _ = env.pairs();
}

/// A case file (JSON) or a share-link fragment: imported, predicted, reported, and round-tripped.
pub fn case_import(data: &[u8]) {
    let text = text(data);
    let case = match Case::from_json(&text) {
        Ok(case) => case,
        Err(_) => match share::unpack(&text) {
            Ok(case) => case,
            Err(_) => return,
        },
    };
    let diagnosis = crate::mq::predict::predict(&case);
    let _ = crate::mq::report::markdown(&case, &diagnosis);
    let again = Case::from_json(&case.to_json())
        .unwrap_or_else(|e| panic!("a case does not read back its own JSON: {e}"));
    assert_eq!(again, case, "JSON round trip changed the case");
    let unpacked = share::unpack(&share::pack(&case))
        .unwrap_or_else(|e| panic!("a share link does not open: {e}"));
    assert_eq!(unpacked, case, "share-link round trip changed the case");
    let _ = share::redact(&case);
}

/// Every certificate in the input (PEM text or DER) as a bag: the first is the target, the
/// self-issued ones and the seed's CAs the anchors; the path search and validation must stay
/// within their budgets and keep their promises (a valid path has no failed step) in both
/// profiles, with a depth limit drawn from the input.
pub fn path_building(data: &[u8]) {
    use crate::verify::{ChainInput, ChainProfile, Outcome, Purpose, verify_chain};
    let decoded = decode_bytes(data);
    let certs: Vec<Certificate> = decoded.certificates().cloned().collect();
    let Some((target, rest)) = certs.split_first() else {
        return;
    };
    let mut anchors: Vec<Certificate> = rest.iter().filter(|c| c.self_issued).cloned().collect();
    anchors.extend(fixture_chain().iter().skip(1).cloned());
    let depth = data.first().map(|b| usize::from(b % 4));
    for profile in [ChainProfile::Rfc5280, ChainProfile::Gskit] {
        let report = verify_chain(&ChainInput {
            target,
            untrusted: rest,
            anchors: &anchors,
            at: at(),
            purpose: Purpose::ServerAuth,
            peer_name: Some("qm1.example.com"),
            legacy: LegacyAlgorithms::default(),
            profile,
            crls: &[],
            max_depth: depth,
            policy: Default::default(),
        });
        assert!(
            report.paths.len() <= crate::verify::chain::MAX_PATHS,
            "{} paths kept",
            report.paths.len()
        );
        if report.valid {
            assert!(
                report
                    .trace
                    .steps
                    .iter()
                    .all(|s| s.outcome != Outcome::Fail || s.title.starts_with("Path ")),
                "a valid verdict with a failed step outside the candidate paths"
            );
        }
        if let Err(e) = serde_json::to_string(&report) {
            panic!("chain report JSON does not encode: {e}");
        }
    }
}

/// Lines of text as names and constraints: `+FORM:value` a permitted subtree, `-FORM:value` an
/// excluded one, `FORM:value` a name (FORM one of `dns`, `email`, `uri`, `ip`, `range` with
/// `address/mask`). The matcher must stay within its budget, and a name equal to an excluded
/// DNS subtree must be refused.
pub fn name_constraints(data: &[u8]) {
    use crate::general_name::{GeneralName, IpRange, ip_octets};
    use crate::verify::budget::{Budget, MAX_NAME_COMPARISONS};
    use crate::verify::names::{ConstraintFailure, dns_matches, name_constraint_violation};
    let text = text(data);
    let parse = |line: &str| -> Option<GeneralName> {
        let (form, value) = line.split_once(':')?;
        Some(match form {
            "dns" => GeneralName::Dns(value.to_owned()),
            "email" => GeneralName::Email(value.to_owned()),
            "uri" => GeneralName::Uri(value.to_owned()),
            "ip" => GeneralName::Ip(value.parse().ok()?),
            "range" => {
                let (address, mask) = value.split_once('/')?;
                let address: std::net::IpAddr = address.parse().ok()?;
                let mask: std::net::IpAddr = mask.parse().ok()?;
                GeneralName::IpRange(IpRange {
                    address: ip_octets(&address),
                    mask: ip_octets(&mask),
                })
            }
            _ => return None,
        })
    };
    let (mut names, mut permitted, mut excluded) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines().take(4096) {
        match line.split_at_checked(1) {
            Some(("+", rest)) => permitted.extend(parse(rest)),
            Some(("-", rest)) => excluded.extend(parse(rest)),
            _ => names.extend(parse(line)),
        }
    }
    let mut budget = Budget::default();
    let result = name_constraint_violation(&names, &permitted, &excluded, &mut budget);
    let excluded_dns_name = names.iter().find(|n| {
        matches!(n, GeneralName::Dns(d) if !d.is_empty()
            && excluded.iter().any(|c| matches!(c, GeneralName::Dns(e) if e.eq_ignore_ascii_case(d))))
    });
    if let (Some(name), Ok(_)) = (excluded_dns_name, &result) {
        panic!("{name} equals an excluded subtree yet passed");
    }
    if let Err(ConstraintFailure::Budget(_)) = &result {
        assert!(
            names.len() * (permitted.len() + excluded.len()) > MAX_NAME_COMPARISONS / 2,
            "the budget ran out on a small input"
        );
    }
    for name in &names {
        if let GeneralName::Dns(pattern) = name {
            let _ = dns_matches(pattern, "qm1.example.com");
        }
    }
}
