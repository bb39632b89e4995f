//! Every fact mqocsp relies on that IBM does not document, with its certainty and source.

use super::Assumption;
use crate::mq::codes::Certainty;

const SEED: &str = "seed walk-through (MQ 9.2 Windows client, HPE NonStop queue manager)";

/// Every assumption mqocsp may rely on.
pub const ASSUMPTIONS: &[Assumption] = &[
    Assumption {
        id: "client-default-required",
        text: "mqclient.ini's OCSPAuthentication defaults to REQUIRED, as qm.ini's does.",
        certainty: Certainty::Partial,
        source: "APAR IC64358 and the seed walk-through",
    },
    Assumption {
        id: "first-mqair-only",
        text: "Only the first MQAIR record is used for OCSP.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "warn-message-id",
        text: "Under OCSPAuthentication=WARN the client logs a warning; its message id (AMQ9717 here) is not verified.",
        certainty: Certainty::Unconfirmed,
        source: "mq-reference §6",
    },
    Assumption {
        id: "openssl-qm-alert",
        text: "An OpenSSL (NonStop) queue manager logs the alert the client sent: AMQ9633 'sslv3 alert bad certificate', error 1042.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "gskit-qm-alert",
        text: "A GSKit queue manager whose client aborts the handshake logs that the remote end closed the connection (AMQ9665); not verified.",
        certainty: Certainty::Unconfirmed,
        source: "inferred from the client-side behaviour in the seed",
    },
    Assumption {
        id: "next-update-absent",
        text: "GSKit accepts OCSP responses without nextUpdate.",
        certainty: Certainty::Partial,
        source: SEED,
    },
    Assumption {
        id: "no-evidence-unreachable",
        text: "A responder the case says nothing about, with no pasted response, is treated as unreachable.",
        certainty: Certainty::Unconfirmed,
        source: "mqocsp's choice: state each responder in the case",
    },
    Assumption {
        id: "eku-not-enforced",
        text: "GSKit's enforcement of extended key usage on MQ channels is not modelled; chains are checked for any purpose.",
        certainty: Certainty::Unconfirmed,
        source: "no IBM source read",
    },
    Assumption {
        id: "qm-silent-on-client-abort",
        text: "When the client rejects the queue manager's revocation status as unknown, nothing is logged on the queue manager.",
        certainty: Certainty::Partial,
        source: SEED,
    },
];

pub(super) fn assumption(id: &str) -> Option<Assumption> {
    ASSUMPTIONS.iter().find(|a| a.id == id).cloned()
}
