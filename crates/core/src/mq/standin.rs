//! A ticket with logs but no certificate is reasoned about with stand-in certificates (the seed
//! walk-through's). Their names must never reach the reader as if they were the customer's: every
//! text of the diagnosis names them by their role instead ("the queue manager's certificate").

use super::examples::{CLIENT_RESPONDER, SERVER_RESPONDER};
use super::predict::Diagnosis;

/// The stand-ins' names, most specific first, with the role each plays.
const NAMES: &[(&str, &str)] = &[
    (
        "www.sd.pulsarintegration.PL81N.com",
        "the queue manager's certificate",
    ),
    (
        "www.pulsarintegration.PL921WC.com",
        "the client's certificate",
    ),
    ("www.sd.pulsarintegration.com", "the queue manager's CA"),
    ("www.pulsarintegration.com", "the client's CA"),
];

/// Whether a text names a stand-in certificate or CA.
pub fn names_one(text: &str) -> bool {
    NAMES.iter().any(|(name, _)| text.contains(name))
}

/// A sentence with the stand-ins named by their role: a quoted insert that names one (a DN, a
/// GSKit `[Class=]…` detail) becomes the role, `(name)` becomes `(not pasted)`, the stand-in
/// responders become the certificate's AIA responder.
pub fn rename(text: &str) -> String {
    let mut out = gskit_details(&quoted_inserts(text));
    // A stand-in's whole DN, unquoted (a fix naming the certificate), is its role too.
    for (dn, role) in stand_in_dns() {
        out = out.replace(dn.as_str(), role);
    }
    for (name, role) in NAMES {
        out = out
            .replace(&format!("({name})"), "(not pasted)")
            .replace(name, role);
    }
    for url in [SERVER_RESPONDER, CLIENT_RESPONDER] {
        out = out
            .replace(
                &format!("OCSP responder {url}"),
                "OCSP responder named in the certificate's AIA",
            )
            .replace(url, "the AIA responder");
    }
    out
}

/// The stand-ins' subject DNs (RFC 4514, as the model writes them), longest first, with the role
/// each plays; read once from the stand-in certificates themselves.
fn stand_in_dns() -> &'static [(String, &'static str)] {
    static DNS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    DNS.get_or_init(|| {
        let (material, _) = super::examples::stand_ins();
        let decoded = crate::decode(&material);
        let mut out: Vec<(String, &'static str)> = decoded
            .certificates()
            .filter_map(|cert| {
                let dn = &cert.subject.rfc4514;
                NAMES
                    .iter()
                    .find(|(name, _)| dn.contains(&format!("CN={name}")))
                    .map(|(_, role)| (dn.clone(), *role))
            })
            .collect();
        out.sort_by_key(|(dn, _)| std::cmp::Reverse(dn.len()));
        out
    })
}

/// `'…'` segments that name a stand-in become `'<role>, not pasted'`: a DN or certificate detail
/// made of stand-in attributes says nothing about the customer's certificate.
fn quoted_inserts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('\'') {
        let Some(close) = rest.get(open + 1..).and_then(|r| r.find('\'')) else {
            break;
        };
        let inner = rest.get(open + 1..open + 1 + close).unwrap_or_default();
        out.push_str(rest.get(..=open).unwrap_or_default());
        match NAMES.iter().find(|(name, _)| inner.contains(name)) {
            Some((_, role)) => {
                out.push_str(role);
                out.push_str(", not pasted");
            }
            None => out.push_str(inner),
        }
        out.push('\'');
        rest = rest.get(open + close + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// An unquoted GSKit detail (an FFST comment: `Comment1 [Class=]…[Subject=]…, Comment2 …`) that
/// names a stand-in becomes the role.
fn gskit_details(text: &str) -> String {
    let Some(start) = text.find("[Class=]") else {
        return text.to_owned();
    };
    let rest = text.get(start..).unwrap_or_default();
    let end = rest.find(", Comment").unwrap_or(rest.len());
    let detail = rest.get(..end).unwrap_or_default();
    match NAMES.iter().find(|(name, _)| detail.contains(name)) {
        Some((_, role)) => format!(
            "{}{role} (not pasted){}",
            text.get(..start).unwrap_or_default(),
            gskit_details(rest.get(end..).unwrap_or_default())
        ),
        None => text.to_owned(),
    }
}

/// Every text of a diagnosis made with stand-ins, renamed.
pub fn rename_diagnosis(diagnosis: &mut Diagnosis) {
    for entry in diagnosis
        .client_log
        .iter_mut()
        .chain(diagnosis.queue_manager_log.iter_mut())
    {
        entry.text = rename(&entry.text);
    }
    for step in diagnosis
        .steps
        .iter_mut()
        .chain(diagnosis.client_trace.steps.iter_mut())
        .chain(diagnosis.queue_manager_trace.steps.iter_mut())
    {
        step.subject = rename(&step.subject);
        step.explanation = rename(&step.explanation);
    }
    for fix in &mut diagnosis.fixes {
        fix.title = rename(&fix.title);
        fix.detail = rename(&fix.detail);
    }
    for lint in &mut diagnosis.lint {
        lint.message = rename(&lint.message);
        lint.fix = rename(&lint.fix);
    }
    for revocation in &mut diagnosis.revocation {
        revocation.short_name = rename(&revocation.short_name);
        revocation.certificate = rename(&revocation.certificate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_names_and_inserts_become_roles() {
        let text = "AMQ9716E: Remote SSL certificate revocation status check failed for channel 'PL81N.MQICHL'. The details of the certificate in question are '[Class=]GSKVALMethod::X509[Issuer=]CN=www.pulsarintegration.com,O=Pulsar Integration Inc.,ST=Chiba,C=JP[#=]02[Subject=]CN=www.pulsarintegration.PL921WC.com,O=Pulsar Integration PL921WC Inc.,ST=Chiba,C=JP'.";
        let renamed = rename(text);
        assert!(!renamed.contains("pulsar"), "{renamed}");
        assert!(
            renamed.contains("'the client's certificate, not pasted'"),
            "{renamed}"
        );
        assert!(renamed.contains("channel 'PL81N.MQICHL'"), "{renamed}");
        let ffst = "FFST: Probe Id XC022001, Comment1 [Class=]GSKVALMethod::X509[Issuer=]CN=www.sd.pulsarintegration.com,O=Pulsar Integration SD Inc.[#=]01[Subject=]CN=www.sd.pulsarintegration.PL81N.com,O=Pulsar Integration PL81NA Inc., Comment2 gsk";
        assert_eq!(
            rename(ffst),
            "FFST: Probe Id XC022001, Comment1 the queue manager's certificate (not pasted), Comment2 gsk"
        );
        assert_eq!(
            rename(
                "checks www.sd.pulsarintegration.PL81N.com (www.pulsarintegration.PL921WC.com) at http://nsca.example.test:2560/"
            ),
            "checks the queue manager's certificate (not pasted) at the AIA responder"
        );
    }

    #[test]
    fn a_stand_in_dn_outside_quotes_becomes_its_role_whole() {
        // A fix names the revoked certificate by its DN, unquoted.
        let (dn, _) = stand_in_dns()
            .iter()
            .find(|(_, role)| *role == "the client's certificate")
            .unwrap_or_else(|| panic!("{:?}", stand_in_dns()));
        let renamed = rename(&format!("{dn} is revoked: issue a new certificate."));
        assert_eq!(
            renamed,
            "the client's certificate is revoked: issue a new certificate."
        );
        assert!(
            !renamed.to_ascii_lowercase().contains("pulsar"),
            "{renamed}"
        );
    }
}
