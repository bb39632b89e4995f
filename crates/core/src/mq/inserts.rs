//! What the inserts of the messages about the neighbours of a revocation failure say: the two
//! CipherSpecs AMQ9631 names, the 'SSLCIPH(…) -> SSLCIPH(…)' of AMQ9641, the address and the
//! active values (the client certificate's DN among them) of AMQ9777, the user of AMQ9776. A
//! ticket that quotes these says more than the message id: the diagnosis reads them as evidence.

use serde::Serialize;

/// What one message's inserts say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// AMQ9631: "The CipherSpec required in the local channel definition is 'X'. The name of the
    /// CipherSpec negotiated during the SSL handshake is 'Y'." (IBM AMQ9xxx messages; the text as
    /// an MQ 8.0 queue manager logged it: portal2portal.blogspot.com, 2015-11-11).
    CipherSpecs {
        /// SSLCIPH of the queue manager's channel.
        required: String,
        /// What the handshake negotiated (a code when MQ cannot name it).
        negotiated: String,
    },
    /// AMQ9641: "has indicated a CipherSpec error 'SSLCIPH(A) -> SSLCIPH(B)'": read as this
    /// end's CipherSpec, then the remote end's (not IBM's words: the assumption
    /// `cipherspec-one-sided` says so, and the diagnosis says what it took from it).
    CipherSpecError {
        /// This end's CipherSpec, blank when it has none.
        local: String,
        /// The remote end's, `????` when not known.
        remote: String,
    },
    /// AMQ9777: the channel was blocked from an address because its active values matched a
    /// USERSRC(NOACCESS) record.
    Blocked {
        /// The address the channel came from.
        #[serde(skip_serializing_if = "Option::is_none")]
        address: Option<String>,
        /// The active values as quoted (`SSLPEER(CN=…)`, `ADDRESS(…)`, `CLNTUSER(…)`).
        values: String,
        /// The SSLPEER among them: the client certificate's DN.
        #[serde(skip_serializing_if = "Option::is_none")]
        sslpeer: Option<String>,
    },
    /// AMQ9776: the channel's user (as mapped) is in a BLOCKUSER list.
    BlockedUser {
        /// The address the channel came from.
        #[serde(skip_serializing_if = "Option::is_none")]
        address: Option<String>,
        /// The MCAUSER named.
        #[serde(skip_serializing_if = "Option::is_none")]
        mcauser: Option<String>,
    },
}

/// The text between `'` after `marker` (case-insensitive), whitespace folded.
fn quoted(body: &str, marker: &str) -> Option<String> {
    let at = body
        .to_ascii_lowercase()
        .find(&marker.to_ascii_lowercase())?
        + marker.len();
    let rest = body.get(at..)?;
    let start = rest.find('\'')? + 1;
    let rest = rest.get(start..)?;
    // The value ends at the quote that closes it: the next `'` followed by something other than
    // a letter (a DN or 'SSLCIPH(' ')' may itself hold quotes).
    let end = rest.char_indices().find_map(|(i, c)| {
        let value = rest.get(..i)?;
        let next = rest.get(i + 1..)?.chars().next();
        (c == '\''
            && next.is_none_or(|n| matches!(n, '.' | ',' | ' ' | ';' | ':'))
            && balanced(value))
        .then_some(value)
    })?;
    Some(fold(end))
}

/// Whether the parentheses in `text` are balanced (`SSLCIPH(' ')` holds quotes of its own).
fn balanced(text: &str) -> bool {
    text.matches('(').count() == text.matches(')').count()
}

/// Line breaks of the log folded: single spaces, none after a DN's commas.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(", ", ",")
}

/// `NAME(value)` in `text`, the parentheses balanced.
fn attribute(text: &str, name: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    let at = upper.find(&format!("{name}("))? + name.len() + 1;
    let mut depth = 1;
    for (i, c) in text.get(at..)?.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(text[at..at + i].trim().to_owned());
                }
            }
            _ => {}
        }
    }
    None
}

/// What the inserts of message `id` (without its severity letter) say, from the message's text,
/// explanation and action joined.
pub fn read(id: &str, body: &str) -> Option<Detail> {
    match id {
        "AMQ9631" => Some(Detail::CipherSpecs {
            required: quoted(body, "required in the local channel definition is")?,
            negotiated: quoted(body, "negotiated during the SSL handshake is")
                .or_else(|| quoted(body, "negotiated during the TLS handshake is"))?,
        }),
        "AMQ9641" => {
            // The title also says "CipherSpec error for channel '…'": the insert follows
            // "indicated a CipherSpec error".
            let error = quoted(body, "indicated a CipherSpec error")?;
            let (local, remote) = error.split_once("->")?;
            let value = |side: &str| {
                attribute(side, "SSLCIPH").map(|v| v.trim_matches(['\'', ' ']).to_owned())
            };
            Some(Detail::CipherSpecError {
                local: value(local)?,
                remote: value(remote)?,
            })
        }
        "AMQ9777" => {
            let values = quoted(body, "active values of the channel were")?;
            Some(Detail::Blocked {
                address: quoted(body, "from address"),
                sslpeer: attribute(&values, "SSLPEER"),
                values,
            })
        }
        "AMQ9776" => Some(Detail::BlockedUser {
            address: quoted(body, "from address"),
            mcauser: quoted(body, "active values of the channel were")
                .and_then(|v| attribute(&v, "MCAUSER"))
                .or_else(|| quoted(body, "mapped to a userid").filter(|u| !u.is_empty())),
        }),
        _ => None,
    }
}

impl Detail {
    /// What it says, for the evidence list.
    pub fn words(&self) -> String {
        match self {
            Self::CipherSpecs {
                required,
                negotiated,
            } => format!("the channel requires {required}, the handshake negotiated {negotiated}"),
            Self::CipherSpecError { local, remote } if local.is_empty() => {
                format!("SSLCIPH(' ') on the client: it offered no CipherSpec (remote: {remote})")
            }
            Self::CipherSpecError { local, remote } => {
                format!("the client offered {local} (remote: {remote})")
            }
            Self::Blocked {
                address, values, ..
            } => format!(
                "blocked{} by the active values {values}",
                address
                    .as_ref()
                    .map(|a| format!(" from {a}"))
                    .unwrap_or_default()
            ),
            Self::BlockedUser { address, mcauser } => format!(
                "blocked{}{}",
                address
                    .as_ref()
                    .map(|a| format!(" from {a}"))
                    .unwrap_or_default(),
                mcauser
                    .as_ref()
                    .map(|u| format!(": MCAUSER({u}) is a blocked user"))
                    .unwrap_or_default()
            ),
        }
    }
}

/// A certificate as AMQ9633, AMQ9716 and FFST comments name it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CertificateDetails {
    /// `[Class=]` (`GSKVALMethod::X509`), GSKit only.
    pub class: Option<String>,
    /// `[Issuer=]`.
    pub issuer: Option<String>,
    /// `[#=]`: the serial number as GSKit writes it.
    pub serial: Option<String>,
    /// `[Subject=]`, or the `/C=…/CN=…` name an OpenSSL queue manager writes.
    pub subject: Option<String>,
}

/// Reads the certificate in an AMQ9633 / AMQ9716 insert or an FFST comment: GSKit's
/// `[Class=]GSKVALMethod::X509[Issuer=]CN=…[#=]0a1b[Subject=]CN=…` (IBM technote on AMQ9633's
/// details: https://www.ibm.com/support/pages/node/1081227), or an OpenSSL queue manager's
/// `Certificate /C=…/CN=… was revoked by …` (the seed walk-through). `None` when neither.
pub fn certificate_details(text: &str) -> Option<CertificateDetails> {
    let text = text.trim();
    if text.contains("[Subject=]") || text.contains("[Issuer=]") || text.contains("[#=]") {
        let mut details = CertificateDetails::default();
        for part in text.split('[').skip(1) {
            let Some((name, value)) = part.split_once("=]") else {
                continue;
            };
            let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
            match name {
                "Class" => details.class = value,
                "Issuer" => details.issuer = value,
                "#" => details.serial = value,
                "Subject" => details.subject = value,
                _ => {}
            }
        }
        return Some(details);
    }
    // `Certificate /C=…/CN=… was revoked by …`, or the bare `/C=…/CN=…` an OpenSSL queue
    // manager's AMQ9716 names (the seed walk-through).
    let rest = text.strip_prefix("Certificate ").unwrap_or(text);
    let subject = rest.split(" was ").next().unwrap_or(rest).trim();
    subject.starts_with('/').then(|| CertificateDetails {
        subject: Some(subject.to_owned()),
        ..CertificateDetails::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amq9631_names_both_cipherspecs() {
        let body = "The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel 'TEST.SVRCONN'. There is a mismatch between the CipherSpecs on the local and remote ends of channel 'TEST.SVRCONN'. The channel will not run until this mismatch is resolved. The CipherSpec required in the local channel definition is 'TLS_RSA_WITH_AES_128_CBC_SHA256'. The name of the CipherSpec negotiated during the SSL handshake is 'TLS_RSA_WITH_AES_256_CBC_SHA256'. A code is displayed if the name of the negotiated CipherSpec cannot be determined.";
        assert_eq!(
            read("AMQ9631", body),
            Some(Detail::CipherSpecs {
                required: "TLS_RSA_WITH_AES_128_CBC_SHA256".into(),
                negotiated: "TLS_RSA_WITH_AES_256_CBC_SHA256".into()
            })
        );
    }

    #[test]
    fn amq9641_with_a_blank_local_cipherspec() {
        let body = "Remote CipherSpec error for channel 'PAY.SVRCONN' to host 'h(1414)'. The remote end of channel 'PAY.SVRCONN' on host 'h(1414)' has indicated a CipherSpec error 'SSLCIPH(' ') -> SSLCIPH(????)'. The channel did not start.";
        // The title's "CipherSpec error for channel 'PAY.SVRCONN'" is not the insert.
        assert_eq!(
            read("AMQ9641", body),
            Some(Detail::CipherSpecError {
                local: String::new(),
                remote: "????".into()
            })
        );
        let named =
            "has indicated a CipherSpec error 'SSLCIPH(TLS_AES_128_GCM_SHA256) -> SSLCIPH(????)'.";
        assert!(
            matches!(read("AMQ9641", named), Some(Detail::CipherSpecError { local, .. }) if local == "TLS_AES_128_GCM_SHA256")
        );
        // Without the insert nothing is read.
        assert_eq!(
            read("AMQ9641", "Remote CipherSpec error for channel 'X'."),
            None
        );
    }

    #[test]
    fn amq9777_and_amq9776_name_the_dn_and_the_user() {
        let body = "Channel was blocked The inbound channel 'ORDERS.SVRCONN' was blocked from address '10.1.4.22' because the active values of the channel matched a record configured with USERSRC(NOACCESS). The active values of the channel were 'SSLPEER(CN=orders-svc, OU=Apps,O=Example Corp,C=GB)'.";
        assert_eq!(
            read("AMQ9777", body),
            Some(Detail::Blocked {
                address: Some("10.1.4.22".into()),
                values: "SSLPEER(CN=orders-svc,OU=Apps,O=Example Corp,C=GB)".into(),
                sslpeer: Some("CN=orders-svc,OU=Apps,O=Example Corp,C=GB".into()),
            })
        );
        let user = "Channel was blocked by userid The inbound channel 'APP.SVRCONN' was blocked from address '10.0.0.9' because the active values of the channel were mapped to a userid which should be blocked. The active values of the channel were 'MCAUSER(mqm)'.";
        assert_eq!(
            read("AMQ9776", user),
            Some(Detail::BlockedUser {
                address: Some("10.0.0.9".into()),
                mcauser: Some("mqm".into())
            })
        );
    }
}
