//! The live log, and what a live session recorded joining the page's case.

use super::{Changed, State};
use mqocsp_core::mq::case::Case;

/// What live queries can do to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveAction {
    /// Live queries started (or why they cannot be): the log starts over with these lines.
    Started(Vec<String>),
    /// One more line for the live log.
    Note(String),
    /// A live session recorded more: its new log lines, and the case as it now stands (its
    /// live evidence, probe result and the queue manager's certificate join the page's case;
    /// everything else the user may have edited meanwhile is kept).
    Progress {
        /// New lines for the live log.
        lines: Vec<String>,
        /// The session's case.
        case: Box<Case>,
    },
}

impl State {
    pub(crate) fn live(&mut self, action: LiveAction) -> Changed {
        match action {
            LiveAction::Started(lines) => self.live_log = lines,
            LiveAction::Note(line) => self.live_log.push(line),
            LiveAction::Progress { lines, case: live } => {
                self.live_log.extend(lines);
                if self.case.is_none() {
                    self.case = Some(self.empty_case());
                }
                let Some(case) = self.case.as_mut() else {
                    return Changed::No;
                };
                case.evidence = live.evidence;
                case.live = live.live;
                if live.queue_manager.certificate.is_some() {
                    case.queue_manager.certificate = live.queue_manager.certificate;
                }
                if case.client.mqcd.is_none() {
                    case.client.mqcd = live.client.mqcd;
                }
            }
        }
        Changed::Yes
    }
}
