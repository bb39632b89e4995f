//! The SNI name an MQ client sends for a channel (IBM: "How IBM MQ provides multiple
//! certificates capability"): each character of the channel name is mapped, then
//! `.chl.mq.ibm.com` is appended.
//!
//! `A`–`Z` become lowercase, `0`–`9` stay, anything else (lowercase letters included) becomes two
//! lowercase hex digits of its ASCII code followed by `-`. `TO.QMGR1` → `to2e-qmgr1.chl.mq.ibm.com`.

/// The SNI host name for `channel`.
pub fn channel_sni(channel: &str) -> String {
    let mut out = String::with_capacity(channel.len() * 2 + 16);
    for byte in channel.trim_end().bytes() {
        match byte {
            b'A'..=b'Z' => out.push(char::from(byte.to_ascii_lowercase())),
            b'0'..=b'9' => out.push(char::from(byte)),
            other => out.push_str(&format!("{other:02x}-")),
        }
    }
    out.push_str(".chl.mq.ibm.com");
    out
}

/// Why an SNI name may not work as a URL host (OpenShift routes): a channel name ending in a
/// lowercase letter gives a name ending in `-`.
pub fn route_warning(channel: &str) -> Option<String> {
    channel.trim_end().bytes().last().filter(u8::is_ascii_lowercase).map(|_| {
        "the channel name ends in a lowercase letter, so its SNI label ends in '-': not a valid host name for an OpenShift route".to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibm_examples_and_every_mapping_rule() {
        let cases = [
            ("TO.QMGR1", "to2e-qmgr1.chl.mq.ibm.com"),
            ("to.qmgr1", "74-6f-2e-71-6d-67-72-1.chl.mq.ibm.com"),
            ("PL81N.MQICHL", "pl81n2e-mqichl.chl.mq.ibm.com"),
            (
                "SYSTEM.DEF.SVRCONN",
                "system2e-def2e-svrconn.chl.mq.ibm.com",
            ),
            ("A_B/C%D-E", "a5f-b2f-c25-d2d-e.chl.mq.ibm.com"),
            ("QM1.SVRCONN  ", "qm12e-svrconn.chl.mq.ibm.com"),
        ];
        for (channel, expected) in cases {
            assert_eq!(channel_sni(channel), expected, "{channel}");
        }
        assert!(route_warning("to.qmgr").is_some());
        assert!(route_warning("TO.QMGR1").is_none());
    }
}
