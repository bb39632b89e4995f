//! `runmqsc` output: the `DISPLAY` answers a ticket quotes as the queue manager's configuration.
//!
//! ```text
//! 5724-H72 (C) Copyright IBM Corp. 1994, 2024.
//! Starting MQSC for queue manager PL81N.
//!
//!      1 : DISPLAY CHANNEL(PL81N.MQICHL) ALL
//! AMQ8414I: Display Channel details.
//!    CHANNEL(PL81N.MQICHL)                   CHLTYPE(SVRCONN)
//!    SSLCAUTH(REQUIRED)                      SSLCIPH(TLS_AES_128_GCM_SHA256)
//!    SSLPEER(CN=*,O=Pulsar)                  CERTLABL( )
//! One MQSC command read.
//! ```
//!
//! Blocks: AMQ8414I channel, AMQ8408I queue manager, AMQ8566I authentication information,
//! AMQ8550I namelist, AMQ8878I channel authentication record (IBM message catalogue AMQ8xxx:
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=messages-amq8xxx-administration). Values in
//! DISPLAY output are shown as stored: never quoted, never folded, parentheses balanced.

/// The object a DISPLAY block describes, by its message id (without the severity letter).
pub fn block_object(id: &str) -> Option<&'static str> {
    match id.get(..7)? {
        "AMQ8414" => Some("CHANNEL"),
        "AMQ8408" => Some("QMGR"),
        "AMQ8566" => Some("AUTHINFO"),
        "AMQ8550" => Some("NAMELIST"),
        "AMQ8878" => Some("CHLAUTH"),
        _ => None,
    }
}

/// The attribute that carries the object's name in a block of `object`.
pub fn name_attribute(object: &str) -> &'static str {
    match object {
        "CHANNEL" => "CHANNEL",
        "QMGR" => "QMNAME",
        "AUTHINFO" => "AUTHINFO",
        "CHLAUTH" => "CHLAUTH",
        _ => "NAMELIST",
    }
}

/// The command a `runmqsc` echo line carries: `     1 : DISPLAY QMGR` → `DISPLAY QMGR`; the echo of
/// a continued line (`       : CHLTYPE(SVRCONN)`) too.
pub fn echo(line: &str) -> Option<&str> {
    // runmqsc writes the command number right-aligned, then ` : ` (`%6d : `); a continued line
    // has blanks for the number. Hex dumps (`    37:4F:19`) are not echo lines.
    let rest = line.trim_start();
    let indented = rest.len() < line.len();
    let after_digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = after_digits.len() < rest.len();
    if !(indented || numbered) || !after_digits.starts_with(' ') && !after_digits.starts_with(':') {
        return None;
    }
    let command = after_digits.trim_start().strip_prefix(':')?;
    if !(command.is_empty() || command.starts_with(' '))
        || numbered && !after_digits.starts_with(' ')
    {
        return None;
    }
    Some(command.strip_prefix(' ').unwrap_or(command))
}

/// Lines `runmqsc` writes around the answers: the banner, the queue manager it starts for, the
/// command count.
pub fn is_chatter(trimmed: &str) -> bool {
    trimmed.starts_with("5724-H72")
        || trimmed.starts_with("5724-H72 (C)")
        || trimmed.starts_with("Starting MQSC for queue manager")
        || trimmed.ends_with("MQSC commands read.")
        || trimmed.ends_with("MQSC command read.")
        || trimmed.starts_with("No commands have a syntax error")
        || trimmed.starts_with("All valid MQSC commands were processed")
        || trimmed.contains("valid MQSC command could not be processed")
        || trimmed.contains("valid MQSC commands could not be processed")
        || trimmed.contains("commands have a syntax error")
        || trimmed.contains("command has a syntax error")
}

/// `Starting MQSC for queue manager PL81N.` → `PL81N`.
pub fn starting_for(trimmed: &str) -> Option<&str> {
    trimmed
        .strip_prefix("Starting MQSC for queue manager ")
        .map(|rest| rest.trim_end_matches('.').trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_lines_banner_and_blocks() {
        assert_eq!(
            echo("     1 : DISPLAY QMGR SSLEV"),
            Some("DISPLAY QMGR SSLEV")
        );
        assert_eq!(echo("       : CHLTYPE(SVRCONN)"), Some("CHLTYPE(SVRCONN)"));
        assert_eq!(echo("AMQ8414I: Display Channel details."), None);
        assert_eq!(echo("DEFINE CHANNEL(X)"), None);
        assert_eq!(
            echo("        37:4F:19:7D:56:C8"),
            None,
            "a hex dump is not an echo"
        );
        assert_eq!(echo("    Serial Number:"), None);
        assert_eq!(echo("12:30 meeting"), None);
        assert!(is_chatter("5724-H72 (C) Copyright IBM Corp. 1994, 2024."));
        assert!(is_chatter("2 MQSC commands read."));
        assert_eq!(
            starting_for("Starting MQSC for queue manager PL81N."),
            Some("PL81N")
        );
        assert_eq!(block_object("AMQ8414I"), Some("CHANNEL"));
        assert_eq!(block_object("AMQ8408"), Some("QMGR"));
        assert_eq!(block_object("AMQ8409I"), None);
    }
}
