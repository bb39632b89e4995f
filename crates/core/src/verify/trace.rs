//! The trace: every check a verification makes, in the order it makes them, with its evidence.
//!
//! The same trace drives the CLI's text, the JSON and the page's stepper.

use crate::der::Span;
use serde::Serialize;

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The check holds.
    Pass,
    /// Not checked: not applicable, or the profile does not check it. The explanation says why.
    Skip,
    /// The check holds only with a caveat worth reading.
    Warn,
    /// The check fails.
    Fail,
}

impl Outcome {
    /// A four-letter mark for text output.
    pub fn mark(&self) -> &'static str {
        match self {
            Self::Pass => "PASS",
            Self::Skip => "SKIP",
            Self::Warn => "WARN",
            Self::Fail => "FAIL",
        }
    }
}

/// Bytes a step is about: a span of one object, named by the SHA-256 of its DER.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Evidence {
    /// SHA-256 (lowercase hex) of the object's DER.
    pub object: String,
    /// The bytes, within that object's DER.
    pub span: Span,
    /// What the bytes are (`serialNumber`, `signature`).
    pub what: String,
}

/// One check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Step {
    /// Stable identifier of the kind of check (`chain.signature`, `ocsp.next_update`).
    #[serde(deserialize_with = "crate::interned::text")]
    pub id: crate::interned::Text,
    /// What was checked, in a few words.
    pub title: String,
    /// Which certificate or response the check is about.
    pub subject: String,
    /// How it came out.
    pub outcome: Outcome,
    /// Why, in words a support engineer can act on.
    pub explanation: String,
    /// The bytes the check looked at.
    pub evidence: Vec<Evidence>,
    /// Where the rule comes from (an RFC section or an IBM documentation URL).
    #[serde(deserialize_with = "crate::interned::text")]
    pub reference: crate::interned::Text,
}

/// The steps of one verification, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Trace {
    /// The steps.
    pub steps: Vec<Step>,
}

impl Trace {
    /// Appends a step.
    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// The first failing step.
    pub fn first_failure(&self) -> Option<&Step> {
        self.steps.iter().find(|step| step.outcome == Outcome::Fail)
    }

    /// The first failing step as "title — explanation" (empty when none failed), for a sentence
    /// that says why a chain was refused.
    pub fn first_failure_words(&self) -> String {
        self.first_failure()
            .map(|s| format!("{} — {}", s.title, s.explanation))
            .unwrap_or_default()
    }

    /// Whether no step failed.
    pub fn passed(&self) -> bool {
        self.first_failure().is_none()
    }

    /// Appends every step of another trace.
    pub fn extend(&mut self, other: Trace) {
        self.steps.extend(other.steps);
    }

    /// The trace as text: one block per step.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (index, step) in self.steps.iter().enumerate() {
            out.push_str(&format!(
                "{:>3}. [{}] {} — {}\n",
                index + 1,
                step.outcome.mark(),
                step.title,
                step.subject
            ));
            for line in step.explanation.lines() {
                out.push_str(&format!("          {line}\n"));
            }
            out.push_str(&format!("          ({})\n", step.reference));
        }
        out
    }
}

/// Builds a [`Step`].
#[derive(Debug)]
pub(crate) struct StepBuilder {
    step: Step,
}

impl StepBuilder {
    /// A step `id` about `subject`, with its reference.
    pub(crate) fn new(
        id: &'static str,
        title: impl Into<String>,
        subject: impl Into<String>,
        reference: &'static str,
    ) -> Self {
        Self {
            step: Step {
                id,
                title: title.into(),
                subject: subject.into(),
                outcome: Outcome::Pass,
                explanation: String::new(),
                evidence: Vec::new(),
                reference,
            },
        }
    }

    /// Adds evidence.
    pub(crate) fn evidence(mut self, object: &str, span: Span, what: &str) -> Self {
        self.step.evidence.push(Evidence {
            object: object.to_owned(),
            span,
            what: what.to_owned(),
        });
        self
    }

    /// Finishes with an outcome and explanation.
    pub(crate) fn done(mut self, outcome: Outcome, explanation: impl Into<String>) -> Step {
        self.step.outcome = outcome;
        self.step.explanation = explanation.into();
        self.step
    }
}
