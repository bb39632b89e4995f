//! Filing a paste: which certificate is whose, and which MQ texts (ini files, MQSC and runmqsc
//! output, an mqpgfc line, environment lines, a CCDT, index.txt, error logs, FFSTs, openssl output)
//! are in it, so the page can say what it found and put each piece in its slot. The splitting
//! itself is `split::pieces`.

use crate::certificate::Certificate;
use crate::decode::Decoded;
use crate::general_name::KeyPurpose;
use serde::Serialize;

pub use super::split::{FoundText, TextKind};

/// The role a certificate most likely plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A self-signed CA: a trust anchor.
    Root,
    /// A CA issued by another: part of a chain.
    Intermediate,
    /// An end entity usable as a TLS server: a queue manager's certificate.
    Server,
    /// An end entity only for TLS clients: an MQ client's certificate.
    Client,
}

/// Everything filed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Sorted {
    /// Certificates by role: SHA-256, short name, role.
    pub certificates: Vec<(String, String, Role)>,
    /// Copies of a certificate already listed, left out of `certificates`.
    pub repeated: usize,
    /// OCSP responses pasted.
    pub ocsp_responses: usize,
    /// MQ texts found outside the PEM blocks.
    pub texts: Vec<FoundText>,
    /// Spans `(first, last)` of non-blank lines no reader took (prose, or something mqocsp does
    /// not read), outside PEM blocks.
    pub unread: Vec<(usize, usize)>,
}

fn role(cert: &Certificate) -> Role {
    match (cert.basic_constraints(), cert.self_issued, cert.purposes()) {
        (Some((true, _)), true, _) => Role::Root,
        (Some((true, _)), false, _) => Role::Intermediate,
        (_, _, Some(purposes))
            if purposes.iter().any(|p| p.is(KeyPurpose::CLIENT_AUTH))
                && !purposes.iter().any(|p| p.is(KeyPurpose::SERVER_AUTH)) =>
        {
            Role::Client
        }
        (None, true, None) => Role::Root,
        _ => Role::Server,
    }
}

/// Files what was decoded from `text` and finds the MQ texts around it.
/// Each certificate is listed once, however often it was pasted (a bundle repeats them); the
/// copies left out are counted in [`Sorted::repeated`].
pub fn sort(decoded: &Decoded, text: &str) -> Sorted {
    let texts = super::split::pieces(text);
    let mut seen = std::collections::HashSet::new();
    let mut repeated = 0;
    let mut certificates = Vec::new();
    for c in decoded.certificates() {
        if seen.insert(c.fingerprints.sha256.as_str()) {
            certificates.push((c.fingerprints.sha256.clone(), c.short_name(), role(c)));
        } else {
            repeated += 1;
        }
    }
    Sorted {
        certificates,
        repeated,
        ocsp_responses: decoded.ocsp_responses().count(),
        unread: super::split::unread(text, &texts),
        texts,
    }
}

/// The labelled slots of the page's input area, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// The queue manager's certificate and its intermediates.
    QueueManagerChain,
    /// The client's certificate and its intermediates.
    ClientChain,
    /// Self-signed CAs.
    TrustAnchors,
    /// OCSP responses.
    OcspResponses,
    /// ini stanzas, MQSC, command lines, CCDTs, index.txt.
    Configuration,
    /// Error logs and application output.
    ErrorLogs,
}

impl Slot {
    /// Every slot, in page order.
    pub const ALL: [Self; 6] = [
        Self::QueueManagerChain,
        Self::ClientChain,
        Self::TrustAnchors,
        Self::OcspResponses,
        Self::Configuration,
        Self::ErrorLogs,
    ];

    /// Its label on the page.
    pub fn label(self) -> &'static str {
        match self {
            Self::QueueManagerChain => "Queue manager certificate chain",
            Self::ClientChain => "Client certificate chain",
            Self::TrustAnchors => "Trust anchors",
            Self::OcspResponses => "OCSP responses",
            Self::Configuration => "Configuration",
            Self::ErrorLogs => "Error logs",
        }
    }
}

impl TextKind {
    /// The slot it is filed under.
    pub fn slot(self) -> Slot {
        match self {
            Self::ErrorLog | Self::Ffst | Self::OpensslSClient | Self::OpensslX509 => {
                Slot::ErrorLogs
            }
            Self::OpensslOcsp => Slot::OcspResponses,
            _ => Slot::Configuration,
        }
    }
}

impl Sorted {
    /// The slot of certificate `fp` with `role`: where the case filed it (`qm` and `client` are the
    /// case's certificate selectors), else where its role puts it. An intermediate goes with the
    /// queue manager's chain unless the only end entities here are the client's: which leaf it
    /// issued is not looked at.
    pub fn slot_of(&self, fp: &str, role: Role, qm: Option<&str>, client: Option<&str>) -> Slot {
        let filed = |selector: Option<&str>, fp: &str| {
            selector.is_some_and(|s| {
                s.strip_prefix("sha256:")
                    .is_some_and(|hex| hex.eq_ignore_ascii_case(fp))
            })
        };
        let leaf_slot = |fp: &str, role: Role| match role {
            _ if filed(client, fp) => Slot::ClientChain,
            _ if filed(qm, fp) => Slot::QueueManagerChain,
            Role::Client => Slot::ClientChain,
            _ => Slot::QueueManagerChain,
        };
        match role {
            Role::Root => Slot::TrustAnchors,
            Role::Server | Role::Client => leaf_slot(fp, role),
            Role::Intermediate => {
                let mut leaves = self
                    .certificates
                    .iter()
                    .filter(|(_, _, r)| matches!(r, Role::Server | Role::Client))
                    .map(|(fp, _, r)| leaf_slot(fp, *r))
                    .peekable();
                if leaves.peek().is_some() && leaves.all(|s| s == Slot::ClientChain) {
                    Slot::ClientChain
                } else {
                    Slot::QueueManagerChain
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn certificates_go_to_the_slot_the_case_filed_them_in_else_their_role_says() {
        let sorted = Sorted {
            certificates: vec![
                ("aa".into(), "root".into(), Role::Root),
                ("bb".into(), "issuing".into(), Role::Intermediate),
                ("cc".into(), "both-ekus".into(), Role::Server),
            ],
            ..Sorted::default()
        };
        let slot = |i: usize, qm, client| {
            let (fp, _, role) = &sorted.certificates[i];
            sorted.slot_of(fp, *role, qm, client)
        };
        assert_eq!(slot(0, None, None), Slot::TrustAnchors);
        assert_eq!(slot(2, None, None), Slot::QueueManagerChain);
        assert_eq!(slot(1, None, None), Slot::QueueManagerChain);
        // Filed as the client's: the leaf and (the only leaf being the client's) its intermediate.
        assert_eq!(slot(2, None, Some("sha256:CC")), Slot::ClientChain);
        assert_eq!(slot(1, None, Some("sha256:cc")), Slot::ClientChain);
        assert_eq!(slot(2, Some("sha256:cc"), None), Slot::QueueManagerChain);
        assert_eq!(TextKind::ErrorLog.slot(), Slot::ErrorLogs);
        assert_eq!(TextKind::Mqsc.slot(), Slot::Configuration);
        assert_eq!(Slot::ALL.map(Slot::label)[3], "OCSP responses");
    }

    use super::*;

    #[test]
    fn a_ticket_with_everything_in_it() {
        let text = "Hello,\nour mqclient.ini:\nSSL:\n  OCSPAuthentication=WARN\n  OCSPCheckExtensions=NO\n\nthe QM side:\nDEFINE AUTHINFO(OCSP.X) AUTHTYPE(OCSP) +\n  OCSPURL('http://x:2560/')\nALTER QMGR SSLCRLNL(NL)\n\nwe run:\n>mqpgfc -qm PL81N -x h:1414 -ch A.B MQCNO_VERSION_4\nand get\n[2022/02/02 14:38:25.569] MQCONNX stop hcon:-1 qmgr:PL81N CompCd=02 ReasonCd=2393\nAMQ9716E: Remote SSL certificate revocation status check failed\n\nindex:\nR\t310802082027Z\t210929080911Z\t01\tunknown\t/CN=x\n";
        let sorted = sort(&Decoded::default(), text);
        let kinds: Vec<(TextKind, usize)> = sorted.texts.iter().map(|t| (t.kind, t.line)).collect();
        assert_eq!(
            kinds,
            [
                (TextKind::SslStanza, 3),
                (TextKind::Mqsc, 8),
                (TextKind::CommandLine, 13),
                (TextKind::ErrorLog, 15),
                (TextKind::IndexTxt, 19)
            ],
            "{:#?}",
            sorted.texts
        );
        assert_eq!(
            sorted.texts[0].text,
            "SSL:\n  OCSPAuthentication=WARN\n  OCSPCheckExtensions=NO"
        );
        assert!(sorted.texts[1].text.contains("ALTER QMGR SSLCRLNL(NL)"));
        assert_eq!(sorted.texts[3].text.lines().count(), 2);
    }

    #[test]
    fn a_certificate_pasted_again_is_listed_once_and_its_copies_counted() {
        let material = crate::mq::examples::example("good")
            .unwrap_or_else(|| unreachable!())
            .material;
        let once = sort(&crate::decode(&material), &material);
        assert!(once.certificates.len() >= 2);
        assert_eq!(once.repeated, 0);
        let thrice = format!("{material}\n{material}\n{material}");
        let sorted = sort(&crate::decode(&thrice), &thrice);
        assert_eq!(sorted.certificates, once.certificates);
        assert_eq!(sorted.repeated, 2 * once.certificates.len());
    }
}

/// A case around a paste, with everything filed that has only one sensible place: a single TLS
/// server certificate as the queue manager's, a single client-only certificate as the client's,
/// every root as trusted by both sides, MQSC to the queue manager, a command line or CCDT to the
/// client, an SSL stanza to mqclient.ini when it is the only one. Returns the case and what was
/// filed, in words.
pub fn auto_case(decoded: &Decoded, text: &str, at: &str) -> (super::case::Case, Vec<String>) {
    use super::case::Case;
    let sorted = sort(decoded, text);
    let mut case = Case::new("Case from a paste", at);
    case.material = text.to_owned();
    let mut filed = Vec::new();
    let of = |role: Role| {
        sorted
            .certificates
            .iter()
            .filter(move |(_, _, r)| *r == role)
            .collect::<Vec<_>>()
    };
    let selector = |fp: &str| format!("sha256:{fp}");
    let servers = of(Role::Server);
    let clients = of(Role::Client);
    // One TLS-server certificate is the queue manager's; with two and no client-only one, the
    // first pasted is taken as the queue manager's and the second as the client's.
    let first_server = match (servers.as_slice(), clients.is_empty()) {
        ([only], _) => Some((only, "the only TLS server certificate pasted")),
        ([first, _], true) => Some((first, "the first of two TLS server certificates pasted")),
        _ => None,
    };
    if let Some(((fp, name, _), why)) = first_server {
        case.queue_manager.certificate = Some(selector(fp));
        filed.push(format!("{name} as the queue manager's certificate ({why})"));
    }
    match (clients.as_slice(), servers.as_slice()) {
        ([(fp, name, _)], _) | ([], [_, (fp, name, _)]) => {
            case.client.certificate = Some(selector(fp));
            filed.push(format!("{name} as the client's certificate"));
        }
        _ => {}
    }
    for (fp, name, _) in of(Role::Root) {
        case.client.trust.push(selector(fp));
        case.queue_manager.trust.push(selector(fp));
        filed.push(format!("{name} as trusted by both sides"));
    }
    let stanzas = sorted
        .texts
        .iter()
        .filter(|t| t.kind == TextKind::SslStanza)
        .count();
    for piece in &sorted.texts {
        match piece.kind {
            TextKind::Mqsc | TextKind::RunmqscOutput => {
                case.queue_manager.mqsc.push_str(&piece.text);
                case.queue_manager.mqsc.push('\n');
                filed.push(format!(
                    "the MQSC at line {} to the queue manager",
                    piece.line
                ));
            }
            TextKind::CommandLine => {
                case.client.command_line = Some(piece.text.clone());
                filed.push(format!(
                    "the command line at line {} to the client",
                    piece.line
                ));
            }
            TextKind::Ccdt => {
                case.client.ccdt_json = Some(piece.text.clone());
                filed.push(format!("the CCDT at line {} to the client", piece.line));
            }
            TextKind::Environment => {
                for (name, value) in super::env::parse(&piece.text).pairs() {
                    case.client.environment.insert(name, value);
                }
                filed.push(format!(
                    "the environment variables at line {} to the client",
                    piece.line
                ));
            }
            TextKind::Ini => {
                use super::ini_kind::{IniKind, kind};
                let reading = kind(&super::ini::Ini::parse(&piece.text));
                let target = match reading.kind {
                    IniKind::MqclientIni => Some((&mut case.client.mqclient_ini, "mqclient.ini")),
                    IniKind::QmIni => Some((&mut case.queue_manager.qm_ini, "qm.ini")),
                    IniKind::MqsIni | IniKind::Ambiguous => None,
                };
                if let Some((text, name)) = target.filter(|(t, _)| t.is_empty()) {
                    text.push_str(&piece.text);
                    filed.push(format!(
                        "the ini file at line {} as {name} ({})",
                        piece.line, reading.reason
                    ));
                }
            }
            TextKind::ErrorLog | TextKind::Ffst => {
                use super::errlog::{LogFacts, Side};
                let facts = LogFacts::parse(&piece.text);
                let mut sides = facts.messages.iter().filter_map(|m| m.side);
                let side = sides.next().filter(|first| sides.all(|s| s == *first));
                let side = side.or_else(|| {
                    // An FFST names its queue manager when a queue manager process wrote it.
                    facts
                        .ffsts
                        .first()
                        .map(|f| match f.queue_manager.as_deref() {
                            Some(q) if !q.trim().is_empty() => Side::QueueManager,
                            _ => Side::Client,
                        })
                });
                let (log, name) = match side {
                    Some(Side::QueueManager) => {
                        (&mut case.queue_manager.error_log, "the queue manager's log")
                    }
                    Some(Side::Client) => (&mut case.client.error_log, "the client's log"),
                    None => continue,
                };
                log.push_str(&piece.text);
                log.push('\n');
                // The MQ container's console lines have no header: their form says whose.
                let console = !facts.messages.is_empty()
                    && facts
                        .messages
                        .iter()
                        .all(|m| m.form == super::errlog::EntryForm::Console);
                let shipped = !facts.messages.is_empty()
                    && facts
                        .messages
                        .iter()
                        .all(|m| m.form == super::errlog::EntryForm::Shipped);
                filed.push(format!(
                    "the log at line {} as {name} ({})",
                    piece.line,
                    if console {
                        "the MQ container's console log mirrors the queue manager's"
                    } else if shipped {
                        "the program each line names"
                    } else {
                        "from its header"
                    }
                ));
            }
            // Whose key repository it lists is decided against the client's key repository
            // when the case is resolved.
            TextKind::KeystoreList
                if piece.text.contains("-db") && case.client.key_listing.is_none() =>
            {
                case.client.key_listing = Some(piece.text.clone());
                filed.push(format!(
                    "the key repository listing at line {} (the client's if its -db names the client's key repository)",
                    piece.line
                ));
            }
            TextKind::SslStanza if stanzas == 1 && case.client.mqclient_ini.is_empty() => {
                case.client.mqclient_ini = piece.text.clone();
                filed.push(format!(
                    "the SSL stanza at line {} as mqclient.ini (an SSL stanza alone could also be a qm.ini's: move it if it is the queue manager's)",
                    piece.line
                ));
            }
            _ => {}
        }
    }
    (case, filed)
}

#[cfg(test)]
mod auto_tests {
    use super::*;

    #[test]
    fn the_seed_paste_files_itself() {
        let case = crate::mq::examples::example("good").unwrap_or_else(|| unreachable!());
        let text = format!(
            "{}\nSSL:\n  OCSPAuthentication=WARN\n\nDEFINE CHANNEL(PL81N.MQICHL) CHLTYPE(SVRCONN)\n",
            case.material
        );
        let decoded = crate::decode::decode(&text);
        let (auto, filed) = auto_case(&decoded, &text, "2022-02-02T13:22:24Z");
        assert!(auto.queue_manager.certificate.is_some(), "{filed:?}");
        assert!(auto.client.certificate.is_some(), "{filed:?}");
        assert_eq!(auto.client.trust.len(), 2);
        assert!(auto.client.mqclient_ini.contains("OCSPAuthentication=WARN"));
        assert!(auto.queue_manager.mqsc.contains("DEFINE CHANNEL"));
        // Why that one, in words that hold whatever order the certificates were pasted in.
        assert!(
            filed.iter().any(|f| f
                .contains("as the queue manager's certificate (the first of two TLS server certificates pasted)")),
            "{filed:?}"
        );
    }
}
