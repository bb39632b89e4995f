//! What a ticket quotes about a key repository: `runmqakm` / `gsk8capicmd` `-cert -list` and
//! `-cert -details` output, and Java's `keytool -list [-v]`. Labels matter to MQ: a C client sends
//! the certificate labelled `ibmwebspheremq<user>` unless CertificateLabel / MQCERTLABL / the
//! CCDT's certificateLabel names another (IBM, "Digital certificate labels":
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=mechanisms-digital-certificate-labels-understanding-requirements );
//! the list marks each entry (`runmqakm -cert -list`: "* default, - personal, ! trusted, # secret
//! key"; IBM, runmqakm -cert -list: https://www.ibm.com/docs/en/ibm-mq/9.3?topic=runmqakm-cert-list ).

use serde::Serialize;

/// What an entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A certificate with its private key (`-` in the list, `PrivateKeyEntry`).
    Personal,
    /// A CA or partner certificate trusted (`!`, `trustedCertEntry`).
    Trusted,
    /// A secret key (`#`).
    SecretKey,
    /// Not said.
    Unknown,
}

/// One entry of the key repository.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyEntry {
    /// The label (runmqakm) or alias (keytool), as written.
    pub label: String,
    /// What it holds.
    pub kind: EntryKind,
    /// Marked `*` (the default certificate) in a runmqakm list.
    pub default: bool,
    /// Subject / Owner, when the output shows it.
    pub subject: Option<String>,
    /// Issuer.
    pub issuer: Option<String>,
    /// Serial, as written.
    pub serial: Option<String>,
    /// Not Before / Valid from, as written.
    pub not_before: Option<String>,
    /// Not After / until, as written.
    pub not_after: Option<String>,
    /// 1-based line of its label.
    pub line: usize,
}

/// Everything read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeystoreText {
    /// The entries, in order.
    pub entries: Vec<KeyEntry>,
    /// `(line, message)` for what looked like this output but could not be read.
    pub problems: Vec<(usize, String)>,
}

fn entry(label: &str, kind: EntryKind, default: bool, line: usize) -> KeyEntry {
    KeyEntry {
        label: label.trim().to_owned(),
        kind,
        default,
        subject: None,
        issuer: None,
        serial: None,
        not_before: None,
        not_after: None,
        line,
    }
}

/// `Name : value` / `Name: value` with one of `names` (case-insensitive).
fn labelled<'a>(trimmed: &'a str, names: &[&str]) -> Option<&'a str> {
    let (name, value) = trimmed.split_once(':')?;
    let name = name.trim();
    names
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
        .then(|| value.trim())
}

/// Whether `trimmed` starts this output (for the paste splitter).
pub fn starts(trimmed: &str) -> bool {
    trimmed == "Certificates found"
        || trimmed.starts_with("* default, - personal")
        || trimmed.starts_with("Keystore type:")
        || trimmed.starts_with("Alias name:")
        || trimmed.contains("runmqakm -cert")
        || trimmed.contains("gsk8capicmd")
        || trimmed.contains("keytool -list")
}

/// Whether `trimmed` belongs to this output once it has started: a marked label, a
/// `Name : value` field, keytool's separators.
pub fn continues_with(trimmed: &str) -> bool {
    starts(trimmed)
        || trimmed.starts_with(['!', '-', '#', '*']) && trimmed.len() > 1
        || trimmed.starts_with("Your keystore contains")
        || trimmed.split_once(':').is_some_and(|(name, _)| {
            let name = name.trim();
            FIELDS.iter().any(|f| f.eq_ignore_ascii_case(name)) || name.starts_with("Certificate[")
        })
}

/// The `Name : value` fields runmqakm -cert -details and keytool -list -v print.
const FIELDS: &[&str] = &[
    "Label",
    "Key Size",
    "Version",
    "Serial",
    "Issuer",
    "Subject",
    "Not Before",
    "Not After",
    "Public Key",
    "Public Key Type",
    "Fingerprint",
    "Signature Algorithm",
    "Trust Status",
    "Alias name",
    "Creation date",
    "Entry type",
    "Owner",
    "Serial number",
    "Valid from",
    "Certificate chain length",
    "Signature algorithm name",
    "Subject Public Key Algorithm",
    "Keystore type",
    "Keystore provider",
    "Certificate fingerprints",
    "SHA1",
    "SHA256",
    "Extensions",
];

/// Reads runmqakm / gsk8capicmd / keytool output in `text`.
pub fn parse(text: &str) -> KeystoreText {
    let mut out = KeystoreText::default();
    let mut in_list = false;
    for (index, raw) in super::quote::lines(text).into_iter().enumerate() {
        let line = index + 1;
        let t = raw.trim();
        if t == "Certificates found" || t.starts_with("* default, - personal") {
            in_list = true;
            continue;
        }
        if in_list {
            // `!\tLabel`, `-\tLabel`, `*-\tLabel`, `#\tLabel`.
            let marks: String = t
                .chars()
                .take_while(|c| matches!(c, '*' | '-' | '!' | '#'))
                .collect();
            if !marks.is_empty() && t.len() > marks.len() {
                let label = t.get(marks.len()..).unwrap_or_default();
                let kind = if marks.contains('-') {
                    EntryKind::Personal
                } else if marks.contains('!') {
                    EntryKind::Trusted
                } else if marks.contains('#') {
                    EntryKind::SecretKey
                } else {
                    EntryKind::Unknown
                };
                out.entries
                    .push(entry(label, kind, marks.contains('*'), line));
                continue;
            }
            if t.is_empty() {
                continue;
            }
            in_list = false;
        }
        if let Some(label) = labelled(t, &["Label", "Alias name"]) {
            out.entries
                .push(entry(label, EntryKind::Unknown, false, line));
            continue;
        }
        let Some(last) = out.entries.last_mut() else {
            continue;
        };
        if let Some(kind) = labelled(t, &["Entry type"]) {
            last.kind = match kind {
                "PrivateKeyEntry" => EntryKind::Personal,
                "trustedCertEntry" => EntryKind::Trusted,
                "SecretKeyEntry" => EntryKind::SecretKey,
                other => {
                    out.problems.push((
                        line,
                        format!("'{other}' is not an entry type keytool writes"),
                    ));
                    EntryKind::Unknown
                }
            };
        } else if let Some(subject) = labelled(t, &["Subject", "Owner"]) {
            last.subject = Some(subject.to_owned());
        } else if let Some(issuer) = labelled(t, &["Issuer"]) {
            last.issuer = Some(issuer.to_owned());
        } else if let Some(serial) = labelled(t, &["Serial", "Serial number"]) {
            last.serial = Some(serial.to_owned());
        } else if let Some(from) = labelled(t, &["Not Before"]) {
            last.not_before = Some(from.to_owned());
        } else if let Some(until) = labelled(t, &["Not After"]) {
            last.not_after = Some(until.to_owned());
        } else if let Some(valid) = labelled(t, &["Valid from"]) {
            // keytool: `Valid from: Sun Nov 01 00:00:00 UTC 2026 until: Mon Nov 01 …`.
            let (from, until) = t
                .split_once(':')
                .map(|(_, v)| v)
                .and_then(|v| v.split_once(" until:"))
                .unwrap_or((valid, ""));
            last.not_before = Some(from.trim().to_owned());
            last.not_after = Some(until.trim().to_owned()).filter(|u| !u.is_empty());
        } else if labelled(t, &["Trust Status"]).is_some_and(|s| s.eq_ignore_ascii_case("Enabled"))
            && last.kind == EntryKind::Unknown
        {
            last.kind = EntryKind::Trusted;
        }
    }
    out
}

/// The labels of the personal certificates in a `runmqakm -cert -list -db FILE` listing, when
/// FILE is `repository` (a stem or a file name: the `.kdb` suffix MQ adds before 9.3 and takes as
/// given from 9.3 is ignored; IBM, KeyRepository q012750). `None` when the listing names another
/// file or none.
pub fn personal_labels_of(listing: &str, repository: &str) -> Option<Vec<String>> {
    let stem = |path: &str| {
        let path = path.trim().trim_matches(['"', '\'']);
        path.strip_suffix(".kdb").unwrap_or(path).to_owned()
    };
    let db = listing
        .split_whitespace()
        .skip_while(|w| *w != "-db")
        .nth(1)?;
    if stem(db) != stem(repository) {
        return None;
    }
    Some(parse(listing).personal().map(|e| e.label.clone()).collect())
}

impl KeystoreText {
    /// The personal certificates (what the side can present).
    pub fn personal(&self) -> impl Iterator<Item = &KeyEntry> {
        self.entries
            .iter()
            .filter(|e| e.kind == EntryKind::Personal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_labels_are_the_clients_only_when_the_listing_names_its_repository() {
        let listing = "$ runmqakm -cert -list -db /var/mqm/ssl/invoicing.kdb -stashed\nCertificates found\n* default, - personal, ! trusted, # secret key\n!\tnorthwind root ca 2025\n-\tinvoicing-2026\n";
        let labels = Some(vec!["invoicing-2026".to_owned()]);
        assert_eq!(
            personal_labels_of(listing, "/var/mqm/ssl/invoicing.kdb"),
            labels
        );
        // A stem (MQ before 9.3) names the same file.
        assert_eq!(
            personal_labels_of(listing, "/var/mqm/ssl/invoicing"),
            labels
        );
        assert_eq!(
            personal_labels_of(listing, "/var/mqm/qmgrs/QM1/ssl/key"),
            None
        );
        assert_eq!(
            personal_labels_of("Certificates found\n-\tx\n", "key"),
            None
        );
    }

    #[test]
    fn runmqakm_list_and_details_read_labels_kinds_and_subjects() {
        let text = "$ runmqakm -cert -list -db /var/mqm/ssl/key.kdb -stashed\nCertificates found\n* default, - personal, ! trusted, # secret key\n!\tPulsar Root CA\n!\tPulsar Issuing CA\n-\tibmwebspheremqapp01\n*-\tapp01 old\n\n$ runmqakm -cert -details -db key.kdb -stashed -label ibmwebspheremqapp01\nLabel : ibmwebspheremqapp01\nKey Size : 2048\nVersion : X509 V3\nSerial : 0a1b\nIssuer : CN=Pulsar Issuing CA,O=Pulsar,C=GB\nSubject : CN=app01,O=Pulsar,C=GB\nNot Before : 1 November 2026 00:00:00 GMT+00:00\nNot After : 1 November 2027 00:00:00 GMT+00:00\n";
        let read = parse(text);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let got: Vec<(&str, EntryKind, bool, usize)> = read
            .entries
            .iter()
            .map(|e| (e.label.as_str(), e.kind, e.default, e.line))
            .collect();
        assert_eq!(
            got,
            [
                ("Pulsar Root CA", EntryKind::Trusted, false, 4),
                ("Pulsar Issuing CA", EntryKind::Trusted, false, 5),
                ("ibmwebspheremqapp01", EntryKind::Personal, false, 6),
                ("app01 old", EntryKind::Personal, true, 7),
                ("ibmwebspheremqapp01", EntryKind::Unknown, false, 10),
            ]
        );
        let details = &read.entries[4];
        assert_eq!(details.subject.as_deref(), Some("CN=app01,O=Pulsar,C=GB"));
        assert_eq!(details.serial.as_deref(), Some("0a1b"));
        assert_eq!(
            details.not_after.as_deref(),
            Some("1 November 2027 00:00:00 GMT+00:00")
        );
        assert_eq!(read.personal().count(), 2);
    }

    #[test]
    fn keytool_list_verbose_reads_aliases_and_entry_types() {
        let text = "> Keystore type: PKCS12\n> Your keystore contains 2 entries\n>\n> Alias name: app01\n> Entry type: PrivateKeyEntry\n> Owner: CN=app01, O=Pulsar, C=GB\n> Issuer: CN=Pulsar Issuing CA, O=Pulsar, C=GB\n> Serial number: a1b\n> Valid from: Sun Nov 01 00:00:00 UTC 2026 until: Mon Nov 01 00:00:00 UTC 2027\n>\n> Alias name: pulsar-root\n> Entry type: trustedCertEntry\n> Entry type: Sometimes\n";
        let read = parse(text);
        assert_eq!(read.entries.len(), 2);
        let app = &read.entries[0];
        assert_eq!(
            (app.label.as_str(), app.kind, app.line),
            ("app01", EntryKind::Personal, 4)
        );
        assert_eq!(app.subject.as_deref(), Some("CN=app01, O=Pulsar, C=GB"));
        assert_eq!(
            app.not_before.as_deref(),
            Some("Sun Nov 01 00:00:00 UTC 2026")
        );
        assert_eq!(
            app.not_after.as_deref(),
            Some("Mon Nov 01 00:00:00 UTC 2027")
        );
        assert_eq!(read.entries[1].kind, EntryKind::Unknown);
        assert_eq!(
            read.problems,
            [(
                13,
                "'Sometimes' is not an entry type keytool writes".to_owned()
            )]
        );
        assert!(starts("Alias name: app01"));
    }
}
