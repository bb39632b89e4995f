//! Case files: one whole support case in a documented, versioned JSON format (`docs/case.md`).
//!
//! A case holds what the customer sent, as they sent it (PEM material, the mqpgfc command line,
//! mqclient.ini, MQSC, qm.ini, index.txt), plus what is known about each OCSP responder, and the
//! evaluation time. The CLI reads it, the page imports and exports it, share links carry it.

use super::cmdline::ClientApp;
use super::config::{ClientConfig, Mqcd, Mqcno, QmConfig, QmTls};
use super::evidence::Evidence;
use super::index::Index;
use super::ini::{Ini, OcspAuthentication, SslStanza};
use super::mqsc::MqscDefinitions;
use crate::certificate::Certificate;
use crate::decode::{Decoded, decode};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `format` in every case file.
pub const FORMAT: &str = "mqocsp-case";
/// The case file version this build writes. Version 1 files (live answers appended to the
/// material as PEM, no `evidence`) are read and upgraded on load; version 2 wrote each live
/// answer's body as one base64 string, version 3 may write it in pieces ([`Der::pieces`]).
///
/// [`Der::pieces`]: super::evidence::Der::pieces
pub const VERSION: u32 = 3;
/// The oldest case file version this build reads.
pub const OLDEST_VERSION: u32 = 1;

/// One support case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Always `mqocsp-case`.
    pub format: String,
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// A short title.
    #[serde(default)]
    pub title: String,
    /// What happened, in words.
    #[serde(default)]
    pub description: String,
    /// Evaluation time, RFC 3339.
    pub at: String,
    /// Certificates and OCSP responses as pasted (PEM, base64 or hex).
    #[serde(default)]
    pub material: String,
    /// The MQ client.
    pub client: ClientSide,
    /// The queue manager.
    pub queue_manager: QmSide,
    /// What is known about each OCSP responder.
    #[serde(default)]
    pub responders: Vec<Responder>,
    /// What a live TLS probe of the listener showed, when one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<super::evidence::ProbeEvidence>,
    /// What was gathered live: OCSP and CRL replies, the presented chain (version 2).
    #[serde(default, skip_serializing_if = "Evidence::is_empty")]
    pub evidence: Evidence,
}

/// The client side of a case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSide {
    /// An mqpgfc-style command line that sets MQCNO/MQSCO/MQAIR/MQCD.
    #[serde(default)]
    pub command_line: Option<String>,
    /// MQCNO given as a structure instead (with its MQSCO and MQAIR records).
    #[serde(default)]
    pub mqcno: Option<Mqcno>,
    /// MQCD given as a structure instead.
    #[serde(default)]
    pub mqcd: Option<Mqcd>,
    /// A JSON CCDT; the channel named by the command line (or `channel`, or the first) is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ccdt_json: Option<String>,
    /// The channel the logs name: which of a JSON CCDT's channels is used when nothing else
    /// names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// mqclient.ini text.
    #[serde(default)]
    pub mqclient_ini: String,
    /// A key repository listing as pasted (`runmqakm -cert -list -db FILE`): the client's when
    /// its `-db` names the client's key repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_listing: Option<String>,
    /// Environment variables.
    #[serde(default)]
    pub environment: BTreeMap<String, String>,
    /// The client's own certificate (a selector: CN, subject, or `sha256:` prefix).
    #[serde(default)]
    pub certificate: Option<String>,
    /// The CA certificates in the client's key repository (selectors).
    #[serde(default)]
    pub trust: Vec<String>,
    /// What-if override of mqclient.ini's OCSPAuthentication.
    #[serde(default)]
    pub ocsp_authentication: Option<OcspAuthentication>,
    /// What-if override of the first MQAIR's Version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mqair_version: Option<u32>,
    /// What-if override of MQCNO's Version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mqcno_version: Option<u32>,
    /// What-if override of MQCD's SSLPeerName (an empty string clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_name: Option<String>,
    /// The client's error log (AMQERR01.LOG, FFST, application output) as pasted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error_log: String,
    /// Which MQ client: `c` (default), `java` (classes for Java/JMS over JSSE), `dotnet`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<super::java::ClientKind>,
    /// The JVM's revocation settings, for a Java client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java: Option<super::java::JavaSettings>,
    /// The managed .NET client's revocation settings (SSLCertRevocationCheck, platform).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dotnet: Option<super::dotnet::DotnetSettings>,
    /// The client's MQ version (VRMF, `9.3.0.5`), as a log header or the customer says; when
    /// absent the current release is assumed (and the diagnosis says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mq_version: Option<String>,
    /// Whether the case gives the client's settings in full (its MQCNO/MQSCO or command line,
    /// its environment and its mqclient.ini): what they do not set is then unset, so a key
    /// repository none of them names is missing (2381). Otherwise an absent setting is only not
    /// stated, as in most tickets.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub settings_complete: bool,
    /// The proxy the client's Windows host is set to use (WinHTTP, Internet Options): not
    /// used by GSKit for OCSP, which the fix for an unreachable responder says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows_proxy: Option<super::winproxy::WindowsProxy>,
}

/// The queue manager side of a case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QmSide {
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The TLS library (gskit: AIX/Linux/Windows; openssl: HPE NonStop).
    #[serde(default)]
    pub tls: QmTls,
    /// MQSC: DEFINE CHANNEL / AUTHINFO / NAMELIST, ALTER QMGR SSLCRLNL.
    #[serde(default)]
    pub mqsc: String,
    /// qm.ini text.
    #[serde(default)]
    pub qm_ini: String,
    /// The queue manager's certificate (selector).
    #[serde(default)]
    pub certificate: Option<String>,
    /// The CA certificates in its key repository (selectors).
    #[serde(default)]
    pub trust: Vec<String>,
    /// What-if override of qm.ini's OCSPAuthentication.
    #[serde(default)]
    pub ocsp_authentication: Option<OcspAuthentication>,
    /// What-if override of the channel's SSLPEER (an empty string clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sslpeer: Option<String>,
    /// The channel's SSLCAUTH when no MQSC says it (e.g. a live probe that cannot see it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sslcauth: Option<super::config::SslCauth>,
    /// The queue manager's error log as pasted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error_log: String,
}

/// Whether a responder answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponderState {
    /// It answers.
    #[default]
    Up,
    /// Stopped, firewalled, or unreachable without the proxy.
    Down,
}

/// One OCSP responder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responder {
    /// Its URL, as the configuration names it.
    pub url: String,
    /// Up or down.
    #[serde(default)]
    pub state: ResponderState,
    /// An `openssl ocsp -index` responder: its index.txt …
    #[serde(default)]
    pub index: Option<String>,
    /// … and its `-CA` certificate (selector).
    #[serde(default)]
    pub ca: Option<String>,
}

/// A problem found while reading a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct CaseProblem {
    /// Which part (`client.mqclient_ini`, `queue_manager.mqsc`, `material`, ...).
    pub part: String,
    /// What is wrong, with its line or column.
    pub message: String,
}

/// A case with every text parsed.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The decoded material.
    pub material: std::sync::Arc<Decoded>,
    /// The client.
    pub client: ClientConfig,
    /// The queue manager.
    pub qm: QmConfig,
    /// The client's certificate, CA certificates.
    pub client_cert: Option<Certificate>,
    /// The client's trust anchors.
    pub client_trust: Vec<Certificate>,
    /// The queue manager's certificate.
    pub qm_cert: Option<Certificate>,
    /// The queue manager's trust anchors.
    pub qm_trust: Vec<Certificate>,
    /// Responders with their parsed index and CA.
    pub responders: Vec<(Responder, Option<Index>, Option<Certificate>)>,
    /// The evaluation time.
    pub at: Timestamp,
    /// What was gathered live (its bodies are also decoded into `material`).
    pub evidence: Evidence,
    /// What a diagnosis supposes of responders the case says nothing about (empty for a plain
    /// prediction); a certificate-specific supposition wins over one about every certificate.
    pub supposed: Vec<super::supposition::Supposition>,
    /// What a diagnosis supposes of certificate checks a ticket without certificate dates
    /// cannot decide (empty for a plain prediction).
    pub supposed_faults: Vec<SupposedFault>,
    /// A CRL distribution point a diagnosis supposes the queue manager's certificate names
    /// (a ticket shows it, the certificate is a stand-in): the client fetches it when
    /// CDPCheckExtensions=YES.
    pub supposed_cdp: Option<String>,
    /// The client certificate's DN as the queue manager's AMQ9777 quotes it, standing in for a
    /// client certificate nobody pasted when CHLAUTH records are compared (None: the
    /// certificate's own DN).
    pub client_peer_dn: Option<String>,
    /// Chain reports already computed (by target and anchors): a diagnosis predicts many
    /// variations of one case, and the chains never change between them.
    pub chains: ChainCache,
    /// Everything that could not be read.
    pub problems: Vec<CaseProblem>,
}

/// A certificate problem a diagnosis supposes where the ticket shows its symptom but not the
/// certificates' dates (stand-in certificates are always valid).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupposedFault {
    /// This side's own certificate is outside its validity period (its AMQ9797E).
    OwnOutOfValidity(super::supposition::Side),
    /// A CA certificate of the partner's chain is outside its validity period, found by this
    /// side (its AMQ9658E).
    ChainOutOfValidity(super::supposition::Side),
    /// The partner's chain does not reach a CA this side trusts (a missing intermediate or an
    /// untrusted root; its AMQ9633 with a chain validation error such as 575010).
    ChainUntrusted(super::supposition::Side),
    /// The client offers a CipherSpec the channel's SSLCIPH does not accept (AMQ9631 on the
    /// queue manager, AMQ9641 on the client), where the ticket does not state the client's.
    CipherSpecRefused,
    /// The client's channel definition names no CipherSpec while the queue manager's channel has
    /// one: "Channel startup also fails when only one end of the channel defines a CipherSpec".
    NoClientCipherSpec,
    /// A channel authentication record blocks the channel after the handshake (2035).
    ChlauthBlocked(Blocked),
    /// The queue manager's key repository holds no personal certificate under the label it
    /// looks for (CERTLABL, else `ibmwebspheremq<qmname>`): its AMQ9637 without the client's
    /// AMQ9642.
    QmNoCertificate,
    /// The C client names a key repository it cannot open: no password stash file beside it,
    /// one it cannot read, or a wrong password (its AMQ9660, 2381).
    KeyRepositoryUnusable,
}

/// Which channel authentication block a diagnosis supposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// An SSLPEERMAP (or other) record with USERSRC(NOACCESS): AMQ9777.
    NoAccess,
    /// The channel's user, as mapped, is in a BLOCKUSER list: AMQ9776.
    User,
    /// 2035 with no message seen: a record, or the user's authorities, refuse it.
    Unseen,
}

/// Finds a certificate by selector: `sha256:` + fingerprint prefix, an exact RFC 4514 subject, or
/// an exact CN.
pub fn select<'a>(certs: &[&'a Certificate], selector: &str) -> Option<&'a Certificate> {
    let selector = selector.trim();
    if let Some(prefix) = selector.strip_prefix("sha256:") {
        return certs.iter().copied().find(|c| {
            c.fingerprints
                .sha256
                .starts_with(&prefix.to_ascii_lowercase())
        });
    }
    certs
        .iter()
        .copied()
        .find(|c| c.subject.rfc4514.eq_ignore_ascii_case(selector))
        .or_else(|| {
            certs
                .iter()
                .copied()
                .find(|c| c.subject.first("CN").is_some_and(|cn| cn == selector))
        })
}

/// Chain reports by (target, anchors) fingerprints, shared by clones of one [`Resolved`].
#[derive(Clone, Debug, Default)]
pub struct ChainCache(std::sync::Arc<std::sync::Mutex<Vec<(String, crate::verify::ChainReport)>>>);

impl Resolved {
    /// What the diagnosis supposes `url` answers about the certificate with this fingerprint.
    pub fn supposed_answer(
        &self,
        url: &str,
        certificate: &str,
    ) -> Option<&super::supposition::Supposition> {
        let about = |s: &&super::supposition::Supposition| super::evidence::same_url(&s.url, url);
        self.supposed
            .iter()
            .filter(about)
            .find(|s| s.certificate.as_deref() == Some(certificate))
            .or_else(|| {
                self.supposed
                    .iter()
                    .filter(about)
                    .find(|s| s.certificate.is_none())
            })
    }

    /// The trust anchors of one side's key repository.
    pub fn trust_mut(&mut self, side: super::supposition::Side) -> &mut Vec<Certificate> {
        match side {
            super::supposition::Side::Client => &mut self.client_trust,
            super::supposition::Side::QueueManager => &mut self.qm_trust,
        }
    }

    /// How `target` chains to `anchors` through the case's certificates (the material and what
    /// a listener presented), checked as MQ checks a partner (any purpose; legacy algorithms
    /// allowed: the key repository decides, not a web policy).
    pub fn verify_chain(
        &self,
        target: &Certificate,
        anchors: &[Certificate],
    ) -> crate::verify::ChainReport {
        use crate::verify::{ChainInput, LegacyAlgorithms, Purpose};
        let key: String = std::iter::once(target)
            .chain(anchors)
            .map(|c| c.fingerprints.sha256.as_str())
            .collect::<Vec<_>>()
            .join(",");
        if let Ok(cache) = self.chains.0.lock()
            && let Some((_, report)) = cache.iter().find(|(k, _)| *k == key)
        {
            return report.clone();
        }
        // Each certificate once, however often it was pasted (path building would drop the
        // copies anyway, after cloning them).
        let mut seen = std::collections::HashSet::new();
        let untrusted: Vec<Certificate> = self
            .material
            .certificates()
            .filter(|c| {
                c.fingerprints != target.fingerprints && seen.insert(c.fingerprints.sha256.as_str())
            })
            .cloned()
            .collect();
        let report = crate::verify::verify_chain(&ChainInput {
            profile: crate::verify::ChainProfile::Gskit,
            crls: &[],
            max_depth: None,
            policy: Default::default(),
            target,
            untrusted: &untrusted,
            anchors,
            at: self.at,
            purpose: Purpose::Any,
            peer_name: None,
            legacy: LegacyAlgorithms::Allow,
        });
        if let Ok(mut cache) = self.chains.0.lock() {
            cache.push((key, report.clone()));
        }
        report
    }

    /// The certificates of the path MQ checks, target first: the first valid path, else the
    /// first path built (so that a broken chain is still asked about), else the target alone.
    pub fn path(
        &self,
        report: &crate::verify::ChainReport,
        target: &Certificate,
        anchors: &[Certificate],
    ) -> Vec<Certificate> {
        let Some(best) = report
            .paths
            .iter()
            .find(|p| p.valid)
            .or(report.paths.first())
        else {
            return vec![target.clone()];
        };
        best.fingerprints
            .iter()
            .filter_map(|fp| {
                self.material
                    .certificates()
                    .chain(anchors)
                    .find(|c| c.fingerprints.sha256 == *fp)
                    .cloned()
            })
            .collect()
    }
}

impl Case {
    /// An empty case evaluated at `at` (RFC 3339).
    pub fn new(title: &str, at: &str) -> Self {
        Case {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: title.to_owned(),
            description: String::new(),
            at: at.to_owned(),
            material: String::new(),
            client: ClientSide::default(),
            queue_manager: QmSide::default(),
            responders: Vec::new(),
            live: None,
            evidence: Evidence::default(),
        }
    }

    /// Reads a case file, checking its format and version; a version 1 file is upgraded (it has
    /// no `evidence`: its live answers, if any, stay in the material where version 1 put them).
    pub fn from_json(text: &str) -> Result<Self, String> {
        let mut case: Case =
            serde_json::from_str(text).map_err(|e| format!("not a case file: {e}"))?;
        if case.format != FORMAT {
            return Err(format!("format is '{}', expected '{FORMAT}'", case.format));
        }
        if !(OLDEST_VERSION..=VERSION).contains(&case.version) {
            return Err(format!(
                "case file version {} is not supported (this build reads versions \
                 {OLDEST_VERSION} to {VERSION})",
                case.version
            ));
        }
        case.version = VERSION;
        Ok(case)
    }

    /// Writes the case as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses every text of the case.
    pub fn resolve(&self) -> Resolved {
        self.resolve_from(None)
    }

    /// [`Case::resolve_decoded`] sharing the caller's decoded material instead of copying it
    /// (it is copied only when live evidence adds objects to it): resolving a case over a
    /// thousand pasted certificates then costs no copy of them.
    pub fn resolve_shared(&self, material: std::sync::Arc<Decoded>) -> Resolved {
        self.resolve_from(Some(material))
    }

    /// [`Case::resolve`] with the material already decoded by the caller (`material` must be
    /// what [`crate::decode`] gives for `self.material`): a page that decoded the paste off its
    /// main thread does not decode it again there.
    pub fn resolve_decoded(&self, material: &Decoded) -> Resolved {
        self.resolve_from(Some(std::sync::Arc::new(material.clone())))
    }

    fn resolve_from(&self, decoded: Option<std::sync::Arc<Decoded>>) -> Resolved {
        let mut problems = Vec::new();
        let at = Timestamp::parse_rfc3339(&self.at).unwrap_or_else(|| {
            problems.push(CaseProblem {
                part: "at".into(),
                message: format!("'{}' is not an RFC 3339 time", self.at),
            });
            Timestamp(time::OffsetDateTime::UNIX_EPOCH)
        });
        let mut material = match decoded {
            Some(decoded) => decoded,
            None if self.material.trim().is_empty() => std::sync::Arc::default(),
            None => std::sync::Arc::new(decode(&self.material)),
        };
        problems.extend(material.problems.iter().map(|p| CaseProblem {
            part: "material".into(),
            message: p.0.to_string(),
        }));
        // Live evidence joins the pasted objects (a body already pasted is not added twice).
        for body in self.evidence.bodies() {
            let found = crate::decode_bytes(body);
            for p in &found.problems {
                problems.push(CaseProblem {
                    part: "evidence".into(),
                    message: p.0.to_string(),
                });
            }
            for object in found.objects {
                if !material.objects.iter().any(|o| o.der == object.der) {
                    std::sync::Arc::make_mut(&mut material).objects.push(object);
                }
            }
        }
        let certs: Vec<&Certificate> = material.certificates().collect();
        let pick =
            |part: &str, selector: &str, problems: &mut Vec<CaseProblem>| -> Option<Certificate> {
                let found = select(&certs, selector).cloned();
                if found.is_none() {
                    problems.push(CaseProblem {
                        part: part.to_owned(),
                        message: format!("no certificate in the material matches '{selector}'"),
                    });
                }
                found
            };
        let client_cert = self
            .client
            .certificate
            .as_deref()
            .and_then(|s| pick("client.certificate", s, &mut problems));
        let qm_cert = self
            .queue_manager
            .certificate
            .as_deref()
            .and_then(|s| pick("queue_manager.certificate", s, &mut problems));
        let client_trust: Vec<Certificate> = self
            .client
            .trust
            .iter()
            .filter_map(|s| pick("client.trust", s, &mut problems))
            .collect();
        let qm_trust: Vec<Certificate> = self
            .queue_manager
            .trust
            .iter()
            .filter_map(|s| pick("queue_manager.trust", s, &mut problems))
            .collect();
        let mut responders = Vec::new();
        for r in &self.responders {
            let index = r.index.as_deref().map(Index::parse);
            for p in index.iter().flat_map(|i| i.problems.iter()) {
                problems.push(CaseProblem {
                    part: "responders.index".into(),
                    message: format!("{}: line {}: {}", r.url, p.line, p.message),
                });
            }
            let ca =
                r.ca.as_deref()
                    .and_then(|s| pick("responders.ca", s, &mut problems));
            responders.push((r.clone(), index, ca));
        }
        let mut problem = |part: &str, message: String| {
            problems.push(CaseProblem {
                part: part.to_owned(),
                message,
            })
        };
        let client = self.client_config(&mut problem);
        let qm = self.qm_config(&client.mqcd.channel_name, &mut problem);
        Resolved {
            material,
            client,
            qm,
            client_cert,
            client_trust,
            qm_cert,
            qm_trust,
            responders,
            at,
            evidence: self.evidence.clone(),
            supposed: Vec::new(),
            supposed_faults: Vec::new(),
            supposed_cdp: None,
            client_peer_dn: None,
            chains: ChainCache::default(),
            problems,
        }
    }

    /// The client's configuration as the case sets it (ini, command line, structures, CCDT,
    /// environment), as [`Case::resolve`] makes it but without decoding the material; what does
    /// not read is left out here ([`Case::resolve`] reports it).
    pub fn client_settings(&self) -> ClientConfig {
        self.client_config(&mut |_, _| {})
    }

    fn client_config(&self, problem: &mut impl FnMut(&str, String)) -> ClientConfig {
        let mut client = ClientConfig::default();
        // Whether the application passes its own MQCD (MQCNO ClientConnPtr).
        let mut app_mqcd = self.client.mqcd.is_some();
        if let Some(line) = &self.client.command_line {
            let app = ClientApp::parse(line);
            app_mqcd |= !app.mqcd.channel_name.is_empty();
            for p in &app.problems {
                problem(
                    "client.command_line",
                    format!("column {}: {}", p.column, p.message),
                );
            }
            client.mqcno = app.mqcno;
            client.mqcd = app.mqcd;
        }
        if let Some(mqcno) = &self.client.mqcno {
            client.mqcno = mqcno.clone();
        }
        if let Some(text) = &self.client.ccdt_json {
            client.ccdt = true;
            match super::ccdt::parse(text) {
                Ok(channels) => {
                    let wanted = Some(client.mqcd.channel_name.clone())
                        .filter(|c| !c.is_empty())
                        .or_else(|| self.client.channel.clone())
                        .unwrap_or_default();
                    let found = channels
                        .iter()
                        .find(|c| c.channel_name == wanted)
                        .or(channels.first())
                        .cloned();
                    match found {
                        Some(mqcd) => client.mqcd = mqcd,
                        None => problem(
                            "client.ccdt_json",
                            "the CCDT has no client-connection channel".into(),
                        ),
                    }
                }
                Err(message) => problem("client.ccdt_json", message),
            }
        }
        // The C client looks for its channel in this order (IBM, "Connecting IBM MQ MQI client
        // applications to queue managers", q027440): the application's MQCD (MQCNO
        // ClientConnPtr), then MQSERVER, then the CCDT. A CCDT pasted beside an MQSERVER is not
        // the one in use; Java and .NET do not read MQSERVER.
        if !app_mqcd
            && matches!(self.client.kind, None | Some(super::java::ClientKind::C))
            && let Some(value) = self.client.environment.get("MQSERVER")
            && let Some(mqcd) = Mqcd::from_mqserver(value)
        {
            client.ccdt_unused = std::mem::take(&mut client.ccdt);
            client.mqserver = Some(value.clone());
            client.mqcd = mqcd;
        }
        if let Some(mqcd) = &self.client.mqcd {
            client.mqcd = mqcd.clone();
        }
        if let Some(peer_name) = &self.client.peer_name {
            client.mqcd.peer_name = Some(peer_name.clone()).filter(|p| !p.trim().is_empty());
        }
        if let Some(version) = self.client.mqcno_version {
            client.mqcno.version = version;
        }
        if let Some(version) = self.client.mqair_version {
            match client
                .mqcno
                .sco
                .as_mut()
                .and_then(|sco| sco.auth_info_records.first_mut())
            {
                Some(record) => record.version = version,
                None => problem("client.mqair_version", "there is no MQAIR to change".into()),
            }
        }
        let ini = Ini::parse(&self.client.mqclient_ini);
        for p in &ini.problems {
            problem("client.mqclient_ini", p.to_string());
        }
        client.ssl = SslStanza::from_ini(&ini);
        if let Some(policy) = self.client.ocsp_authentication {
            client.ssl.ocsp_authentication.value = policy;
            client.ssl.ocsp_authentication.source = super::ini::Source::Structure {
                field: "what-if".into(),
            };
        }
        client.settings_complete = self.client.settings_complete;
        client.kind = self.client.kind.unwrap_or_default();
        client.classes_for_java = client.kind == super::java::ClientKind::Java
            && super::java::is_classes_for_java(&self.client.error_log);
        client.java = self.client.java.clone().unwrap_or_default();
        client.dotnet = self.client.dotnet.clone().unwrap_or_default();
        if let Some(text) = &self.client.mq_version {
            match super::config::MqVersion::parse(text) {
                Some(version) => client.mq_version = Some(version),
                None => problem(
                    "client.mq_version",
                    format!("'{text}' is not an MQ version (VRMF such as 9.3.0.5)"),
                ),
            }
        }
        client.windows_proxy = self.client.windows_proxy.clone();
        client.env = self
            .client
            .environment
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if let (Some(listing), Some(repository)) =
            (&self.client.key_listing, client.key_repository())
        {
            client.personal_labels =
                super::keystore_text::personal_labels_of(listing, &repository.value);
        }
        client
    }

    fn qm_config(&self, channel: &str, problem: &mut impl FnMut(&str, String)) -> QmConfig {
        let defs = MqscDefinitions::parse(&self.queue_manager.mqsc);
        for p in &defs.problems {
            problem("queue_manager.mqsc", p.to_string());
        }
        let ini = Ini::parse(&self.queue_manager.qm_ini);
        for p in &ini.problems {
            problem("queue_manager.qm_ini", p.to_string());
        }
        let mut ssl = SslStanza::from_ini(&ini);
        if let Some(policy) = self.queue_manager.ocsp_authentication {
            ssl.ocsp_authentication.value = policy;
            ssl.ocsp_authentication.source = super::ini::Source::Structure {
                field: "what-if".into(),
            };
        }
        let mut channel_def = defs
            .channels
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(channel))
            .or(defs.channels.first())
            .cloned()
            .unwrap_or_else(|| super::config::ChannelDef {
                name: channel.to_owned(),
                ..Default::default()
            });
        if let Some(sslcauth) = self.queue_manager.sslcauth
            && defs.channels.is_empty()
        {
            channel_def.sslcauth = sslcauth;
        }
        if let Some(sslpeer) = &self.queue_manager.sslpeer {
            channel_def.sslpeer = Some(sslpeer.clone()).filter(|p| !p.trim().is_empty());
        }
        QmConfig {
            name: self.queue_manager.name.clone(),
            channel: channel_def,
            ssl,
            sslcrlnl: defs.crl_namelist(),
            sslcrlnl_blank: defs.qmgr.sslcrlnl_blank,
            sslev: defs.sslev_in_force(),
            authinfo: defs.authinfo,
            chlauth: defs.chlauth,
            certlabl: defs.qmgr.certlabl,
            tls: self.queue_manager.tls,
        }
    }
}
