//! The MQ case: loading one (with its material already decoded), starting one around the paste
//! (already filed), editing it and applying what-if fixes.

use super::{Changed, State};
use mqocsp_core::Decoded;
use mqocsp_core::Timestamp;
use mqocsp_core::mq::case::{Case, ResponderState};
use mqocsp_core::mq::ini::OcspAuthentication;
use mqocsp_core::mq::predict::Change;
use mqocsp_core::mq::sort::Sorted;
use std::rc::Rc;
use std::sync::Arc;

/// What can happen to the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseAction {
    /// A case was opened (a built-in one, a share link, local storage or an imported file); its
    /// material becomes the paste, decoded as `decoded`.
    Load {
        /// The case.
        case: Box<Case>,
        /// Its material, decoded.
        decoded: Arc<Decoded>,
        /// What the material holds by slot, when the worker sorted it.
        sorted: Option<Arc<Sorted>>,
    },
    /// A case was started around the paste; `filed` says what was filed automatically.
    New {
        /// The case.
        case: Box<Case>,
        /// What was filed, for the log.
        filed: Vec<String>,
    },
    /// Change part of the case (one is started around the paste when none is open).
    Edit(CaseEdit),
    /// Apply a fix as a what-if.
    Apply(Change),
}

/// One edit of the MQ case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseEdit {
    /// The mqpgfc command line.
    CommandLine(String),
    /// mqclient.ini.
    ClientIni(String),
    /// The queue manager's MQSC.
    Mqsc(String),
    /// qm.ini.
    QmIni(String),
    /// What-if: the client's OCSPAuthentication (None: as the ini says).
    ClientPolicy(Option<OcspAuthentication>),
    /// What-if: the queue manager's OCSPAuthentication.
    QmPolicy(Option<OcspAuthentication>),
    /// What-if: a responder up or down.
    Responder(String, ResponderState),
    /// A responder's index.txt.
    ResponderIndex(String, String),
    /// The JSON CCDT.
    Ccdt(String),
    /// The client's error log.
    ClientLog(String),
    /// The queue manager's error log.
    QmLog(String),
    /// What-if: the first MQAIR's version.
    MqairVersion(Option<u32>),
    /// What-if: MQCNO's version.
    MqcnoVersion(Option<u32>),
    /// The queue manager's certificate (a selector).
    QmCertificate(String),
    /// The client's certificate (a selector).
    ClientCertificate(String),
    /// Add or remove a CA from the client's key repository.
    ToggleClientTrust(String),
    /// Add or remove a CA from the queue manager's key repository.
    ToggleQmTrust(String),
}

impl State {
    pub(crate) fn case(&mut self, action: CaseAction) -> Changed {
        match action {
            CaseAction::Load {
                case,
                decoded,
                sorted,
            } => {
                let case = *case;
                self.text = case.material.clone();
                self.decoded_text = Rc::from(case.material.as_str());
                self.decoded = decoded;
                self.sorted = sorted;
                self.pending = false;
                if let Some(at) = Timestamp::parse_rfc3339(&case.at) {
                    self.at = at;
                    self.at_text = at.to_string();
                    self.at_error = None;
                }
                self.case = Some(case);
                self.reset_verification();
            }
            CaseAction::New { case, filed } => {
                self.live_log = if filed.is_empty() {
                    vec!["New case: nothing could be filed automatically; use the buttons under 'Found in the paste'.".to_owned()]
                } else {
                    std::iter::once("New case: filed".to_owned())
                        .chain(filed)
                        .collect()
                };
                // A ticket's logs say when it happened: that is the time to evaluate at.
                if let Some(at) = Timestamp::parse_rfc3339(&case.at)
                    && at.to_string() != self.at.to_string()
                {
                    self.at = at;
                    self.at_text = at.to_string();
                    self.at_error = None;
                }
                self.case = Some(*case);
            }
            CaseAction::Edit(edit) => {
                // Filing something into a case starts one around the paste when there is none.
                if self.case.is_none() {
                    self.case = Some(self.empty_case());
                }
                if let Some(case) = self.case.as_mut() {
                    edit.apply(case);
                }
            }
            CaseAction::Apply(change) => {
                let Some(case) = self.case.as_mut() else {
                    return Changed::No;
                };
                change.apply(case);
            }
        }
        Changed::Yes
    }
}

impl CaseEdit {
    /// Makes the edit.
    fn apply(self, case: &mut Case) {
        match self {
            Self::CommandLine(text) => {
                case.client.command_line = Some(text).filter(|t| !t.trim().is_empty())
            }
            Self::ClientIni(text) => case.client.mqclient_ini = text,
            Self::Mqsc(text) => case.queue_manager.mqsc = text,
            Self::QmIni(text) => case.queue_manager.qm_ini = text,
            Self::ClientPolicy(policy) => case.client.ocsp_authentication = policy,
            Self::QmPolicy(policy) => case.queue_manager.ocsp_authentication = policy,
            Self::Responder(url, state) => {
                for responder in case.responders.iter_mut().filter(|r| r.url == url) {
                    responder.state = state;
                }
            }
            Self::ResponderIndex(url, text) => {
                for responder in case.responders.iter_mut().filter(|r| r.url == url) {
                    responder.index = Some(text.clone()).filter(|t| !t.trim().is_empty());
                }
            }
            Self::Ccdt(text) => case.client.ccdt_json = Some(text).filter(|t| !t.trim().is_empty()),
            Self::ClientLog(text) => case.client.error_log = text,
            Self::QmLog(text) => case.queue_manager.error_log = text,
            Self::MqairVersion(version) => case.client.mqair_version = version,
            Self::MqcnoVersion(version) => case.client.mqcno_version = version,
            Self::QmCertificate(selector) => case.queue_manager.certificate = Some(selector),
            Self::ClientCertificate(selector) => case.client.certificate = Some(selector),
            Self::ToggleClientTrust(selector) => toggle(&mut case.client.trust, selector),
            Self::ToggleQmTrust(selector) => toggle(&mut case.queue_manager.trust, selector),
        }
    }
}

/// Adds `item` to `list`, or removes it when it is there.
pub(crate) fn toggle(list: &mut Vec<String>, item: String) {
    match list.iter().position(|i| *i == item) {
        Some(index) => {
            list.remove(index);
        }
        None => list.push(item),
    }
}
