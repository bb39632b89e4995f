//! The C client opens its key repository before any network traffic. IBM, reason code 2381
//! (q044090): MQRC_KEY_REPOSITORY_ERROR also "if the passphrase to access the key repository is
//! not supplied, incorrect, or cannot be decrypted"; "check that the correct key repository
//! passphrase is specified, or that the key repository stash file exists and is readable by the
//! user ID that the application is running under". The stash file sits beside the key
//! database with the same name and the suffix `.sth` (IBM MQ Explorer's key repository test).

use super::{Builder, Outcome};
use crate::mq::case::SupposedFault;
use crate::mq::codes::Certainty;

const IBM_2381: &str = "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q044090_.html";

/// The stash file GSKit reads the password from: the key repository's name with `.sth` in place
/// of its `.kdb` / `.p12` extension (a stem as given before MQ 9.3 gets `.sth` appended).
pub fn stash_file(repository: &str) -> String {
    let lower = repository.to_ascii_lowercase();
    let stem = [".kdb", ".p12", ".pfx"]
        .iter()
        .find(|x| lower.ends_with(*x))
        .and_then(|x| repository.get(..repository.len() - x.len()))
        .unwrap_or(repository);
    format!("{stem}.sth")
}

/// A key repository the client names but cannot open (supposed by a diagnosis from the ticket's
/// 2381 or the client's AMQ9660): MQCONNX fails with 2381 before the handshake. False when that
/// is supposed.
pub(super) fn client_key_repository(b: &mut Builder<'_>) -> bool {
    if !b
        .resolved
        .supposed_faults
        .contains(&SupposedFault::KeyRepositoryUnusable)
    {
        return true;
    }
    let repository = b
        .resolved
        .client
        .key_repository()
        .map(|s| s.value)
        .unwrap_or_default();
    let stash = stash_file(&repository);
    b.step(
        "mq.client_key_repository",
        "The client opens its key repository",
        &repository,
        IBM_2381,
        Outcome::Fail,
        format!("The client cannot open its key repository '{repository}' (a name this client accepts): no password stash file '{stash}' beside it, one its user ID cannot read, a damaged one, or a wrong password, so MQCONNX fails before any handshake (supposed from the ticket's 2381 or the client's AMQ9660)."),
    );
    b.assume("key-repository-unusable");
    b.fail(2381);
    b.client_log(
        "AMQ9660",
        "SSL key repository: password incorrect or, stash file absent or unusable.".into(),
        Certainty::Partial,
    );
    b.fix(
        "Give the key repository its stash file",
        format!("Check that '{stash}' exists beside '{repository}' and is readable by the application's user ID (copying a key repository to another host needs its .sth too); else recreate it: runmqakm -keydb -stashpw -db {repository} -pw <password>. Or supply the password instead (MQKEYRPWD, or SSLKeyRepositoryPassword in mqclient.ini)."),
        None,
    );
    false
}

#[cfg(test)]
mod tests {
    use super::stash_file;

    #[test]
    fn the_stash_file_replaces_the_extension_or_follows_a_stem() {
        assert_eq!(stash_file("/etc/p/ssl/pay.kdb"), "/etc/p/ssl/pay.sth");
        assert_eq!(stash_file("/etc/p/ssl/pay.P12"), "/etc/p/ssl/pay.sth");
        assert_eq!(stash_file("/var/mqm/ssl/key"), "/var/mqm/ssl/key.sth");
    }
}
