//! The revocation sources a client that does not check revocation through GSKit asks about one
//! certificate of the queue manager's chain, in the order it asks them. One answer for the
//! prediction (`predict::java`, `predict::dotnet`), the diagnosis search (`explain`) and the
//! live session (`session`), so that what the probe asks is what the model reasons about.
//!
//! The C client (and the unmanaged .NET client) follows MQ's own precedence instead
//! (`revocation::candidate_urls`, `revocation::crl_distribution_points`).

use super::dotnet::{DotnetSettings, Platform};
use super::java::{ClientKind, JavaSettings};
use crate::certificate::Certificate;

/// What a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// An OCSP responder.
    Ocsp,
    /// A CRL distribution point (plain HTTP).
    Crl,
}

/// One source a client asks about one certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// OCSP or CRL.
    pub kind: SourceKind,
    /// Its URL.
    pub url: String,
    /// Where the client took it from, for people.
    pub from: &'static str,
}

/// The sources JSSE asks about `cert` with these settings: with `com.sun.net.ssl.checkRevocation`
/// off, none; OCSP (with `ocsp.enable=true`) at `ocsp.responderURL`, else the certificate's first
/// AIA responder; then, with `com.sun.security.enableCRLDP=true`, its HTTP CRL distribution
/// points (PKIXRevocationChecker falls back from OCSP to CRLs unless told not to). Source:
/// Oracle's Java PKI Programmer's Guide, "Support for the Online Certificate Status Protocol".
pub fn java_sources(settings: &JavaSettings, cert: &Certificate) -> Vec<Source> {
    let mut out = Vec::new();
    if !settings.checks_revocation() {
        return out;
    }
    if settings.ocsp_enable == Some(true) {
        let url = settings
            .ocsp_responder_url
            .clone()
            .map(|u| (u, "ocsp.responderURL"))
            .or_else(|| {
                cert.ocsp_urls()
                    .first()
                    .map(|u| ((*u).to_owned(), "the certificate's AIA"))
            });
        if let Some((url, from)) = url {
            out.push(Source {
                kind: SourceKind::Ocsp,
                url,
                from,
            });
        }
    }
    if settings.enable_crldp == Some(true) {
        out.extend(http_cdps(cert, usize::MAX));
    }
    out
}

/// The sources the platform's chain engine asks for the managed .NET client: none unless
/// SSLCertRevocationCheck is on; then only what the certificate names (IBM: "uses only the server
/// specified in the certificate"): its AIA OCSP responder, then its CRL distribution points — on
/// Windows each of them, on Linux the first only (dotnet/runtime issue 121253).
pub fn dotnet_sources(settings: &DotnetSettings, cert: &Certificate) -> Vec<Source> {
    let mut out = Vec::new();
    if !settings.checks_revocation() {
        return out;
    }
    if let Some(url) = cert.ocsp_urls().first() {
        out.push(Source {
            kind: SourceKind::Ocsp,
            url: (*url).to_owned(),
            from: "the certificate's AIA",
        });
    }
    let cdps = match settings.platform {
        Some(Platform::Linux) => 1,
        _ => usize::MAX,
    };
    out.extend(http_cdps(cert, cdps));
    out
}

/// The sources the client of `kind` asks about `cert`, or None for the C client (MQ's order).
pub fn client_sources(
    kind: ClientKind,
    java: &JavaSettings,
    dotnet: &DotnetSettings,
    cert: &Certificate,
) -> Option<Vec<Source>> {
    match kind {
        ClientKind::C => None,
        ClientKind::Java => Some(java_sources(java, cert)),
        ClientKind::Dotnet => Some(dotnet_sources(dotnet, cert)),
    }
}

/// Whether the client of `kind` checks revocation at all (None for the C client, whose checks
/// follow MQ's configuration).
pub fn client_checks(
    kind: ClientKind,
    java: &JavaSettings,
    dotnet: &DotnetSettings,
) -> Option<bool> {
    match kind {
        ClientKind::C => None,
        ClientKind::Java => Some(java.checks_revocation()),
        ClientKind::Dotnet => Some(dotnet.checks_revocation()),
    }
}

fn http_cdps(cert: &Certificate, at_most: usize) -> impl Iterator<Item = Source> + '_ {
    cert.crl_urls()
        .into_iter()
        .filter(|u| u.starts_with("http://"))
        .take(at_most)
        .map(|url| Source {
            kind: SourceKind::Crl,
            url: url.to_owned(),
            from: "the certificate's CRL distribution point",
        })
}

/// How the client of `kind` chooses its sources, in a few words for a live log.
pub fn describe(kind: ClientKind, java: &JavaSettings, dotnet: &DotnetSettings) -> String {
    match kind {
        ClientKind::C => "a C client (GSKit): MQ's order — MQAIR/CCDT AUTHINFO, then AIA with OCSPCheckExtensions, then CDP with CDPCheckExtensions".into(),
        ClientKind::Java if !java.checks_revocation() => "a Java/JMS client (JSSE) with com.sun.net.ssl.checkRevocation not true: it asks no responder".into(),
        ClientKind::Java => format!(
            "a Java/JMS client (JSSE): {}{}",
            match (java.ocsp_enable, &java.ocsp_responder_url) {
                (Some(true), Some(url)) => format!("OCSP at ocsp.responderURL {url}"),
                (Some(true), None) => "OCSP at each certificate's AIA".to_owned(),
                _ => "no OCSP (ocsp.enable is not true)".to_owned(),
            },
            if java.enable_crldp == Some(true) {
                ", then the CRL distribution points"
            } else {
                ""
            }
        ),
        ClientKind::Dotnet if !dotnet.checks_revocation() => "a managed .NET client with SSLCertRevocationCheck not true: it asks no responder".into(),
        ClientKind::Dotnet => format!(
            "a managed .NET client ({}): OCSP at each certificate's AIA, then {}",
            match dotnet.platform {
                Some(Platform::Linux) => "Linux, OpenSSL-based chain building",
                Some(Platform::Windows) => "Windows, CryptoAPI chain engine",
                None => "platform not stated: Windows assumed",
            },
            match dotnet.platform {
                Some(Platform::Linux) => "its first CRL distribution point",
                _ => "its CRL distribution points",
            }
        ),
    }
}

/// For the diagnosis search: the first OCSP source a client of `kind` would ask about each
/// certificate of `path` but the root once it checks revocation (whatever the case says of its
/// switches, which the search varies), where nothing in the case says what it answers.
pub fn open_sources<'p>(
    resolved: &super::case::Resolved,
    kind: ClientKind,
    path: &'p [Certificate],
) -> Vec<(String, &'p Certificate)> {
    let java = JavaSettings {
        check_revocation: Some(true),
        ocsp_enable: Some(true),
        ..resolved.client.java.clone()
    };
    let dotnet = DotnetSettings {
        revocation_check: Some(true),
        ..resolved.client.dotnet.clone()
    };
    let mut out = Vec::new();
    for (cert, issuer) in super::revocation::checked_certificates(path) {
        let Some(sources) = client_sources(kind, &java, &dotnet, cert) else {
            continue;
        };
        let Some(url) = sources
            .into_iter()
            .find(|s| s.kind == SourceKind::Ocsp)
            .map(|s| s.url)
        else {
            continue;
        };
        let mut trace = crate::verify::trace::Trace::default();
        if let super::revocation::Answer::Unknown(super::revocation::Unknown::NoEvidence {
            ..
        }) = super::revocation::answer_of(resolved, &url, cert, issuer, &mut trace)
        {
            out.push((url, cert));
        }
    }
    out
}
