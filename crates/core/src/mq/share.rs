//! Share links and redaction: a whole case packed into a URL fragment (nothing goes to a server),
//! and what to strip before sharing.

use super::case::Case;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The prefix of a packed case: format version 1, deflate, base64url.
const PREFIX: &str = "v1.";

/// Largest packed case accepted from a link (1 MiB of text).
pub const MAX_PACKED: usize = 1024 * 1024;

/// Packs a case for a URL fragment.
pub fn pack(case: &Case) -> String {
    let json = serde_json::to_vec(case).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Unpacks a case from a URL fragment (`#case=…` or the bare packed text).
pub fn unpack(fragment: &str) -> Result<Case, String> {
    let packed = fragment.trim_start_matches('#').trim_start_matches("case=");
    if packed.len() > MAX_PACKED {
        return Err(format!(
            "the link holds {} characters; the limit is {MAX_PACKED}",
            packed.len()
        ));
    }
    let body = packed
        .strip_prefix(PREFIX)
        .ok_or("the link was not made by this version of mqocsp (it should start with v1.)")?;
    let compressed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| format!("the link is damaged (base64: {e})"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 16 * 1024 * 1024)
        .map_err(|_| "the link is damaged (it does not inflate)".to_owned())?;
    Case::from_json(&String::from_utf8_lossy(&json))
}

/// Removes what must not leave the machine: private key blocks in the material and secrets in
/// the environment. Returns the redacted case and what was removed, in words.
pub fn redact(case: &Case) -> (Case, Vec<String>) {
    let mut out = case.clone();
    let mut removed = Vec::new();
    let mut kept = String::new();
    let mut skipping: Option<String> = None;
    for line in case.material.lines() {
        match &skipping {
            Some(label) => {
                if line.contains(&format!("-----END {label}-----")) {
                    removed.push(format!("a {label} block"));
                    skipping = None;
                }
            }
            None => {
                let private = line.find("-----BEGIN ").and_then(|i| {
                    let rest = line.get(i + 11..)?;
                    let label = rest.get(..rest.find("-----")?)?;
                    label.contains("PRIVATE KEY").then(|| label.to_owned())
                });
                match private {
                    Some(label) => skipping = Some(label),
                    None => {
                        kept.push_str(line);
                        kept.push('\n');
                    }
                }
            }
        }
    }
    out.material = kept;
    out.client.environment.retain(|name, _| {
        let secret = ["PASSWORD", "PWD", "PASS", "SECRET"]
            .iter()
            .any(|s| name.to_ascii_uppercase().contains(s));
        if secret {
            removed.push(format!("the environment variable {name}"));
        }
        !secret
    });
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mq::examples::example;

    #[test]
    fn packed_cases_round_trip_and_damage_is_reported() {
        let case = example("server-revoked").unwrap_or_else(|| unreachable!());
        let packed = pack(&case);
        assert!(packed.starts_with("v1."));
        assert!(packed.len() < case.to_json().len(), "compressed");
        assert_eq!(unpack(&format!("#case={packed}")), Ok(case));
        assert!(
            unpack("#case=v2.abc")
                .unwrap_err()
                .contains("not made by this version")
        );
        assert!(unpack("#case=v1.!!").unwrap_err().contains("damaged"));
        assert!(unpack("#case=v1.AAAA").unwrap_err().contains("damaged"));
    }

    #[test]
    fn redaction_drops_private_keys_and_secrets() {
        let mut case = example("good").unwrap_or_else(|| unreachable!());
        case.material
            .push_str("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n");
        case.client
            .environment
            .insert("MQKEYRPWD".into(), "secret".into());
        case.client
            .environment
            .insert("MQSSLKEYR".into(), "/var/mqm/key".into());
        let (redacted, removed) = redact(&case);
        assert!(!redacted.material.contains("PRIVATE KEY"));
        assert!(redacted.material.contains("BEGIN CERTIFICATE"));
        assert_eq!(
            removed,
            [
                "a EC PRIVATE KEY block",
                "the environment variable MQKEYRPWD"
            ]
        );
        assert!(redacted.client.environment.contains_key("MQSSLKEYR"));
    }
}
