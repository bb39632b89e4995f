//! Building candidate paths (RFC 5280 §6, RFC 4158) from a bag of certificates in any order,
//! with duplicates and extras, by name and key identifier; validation comes afterwards. The
//! search is bounded by a depth limit and the build-call [`Budget`].

use super::budget::{Budget, Exhausted};
use super::input::ChainInput;
use crate::certificate::Certificate;

/// Why a search branch ended without reaching an anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DeadEnd {
    /// No certificate has the issuer's name.
    MissingIssuer {
        below: usize,
        issuer: String,
        key_id: Option<String>,
    },
    /// A self-signed certificate that is not a trust anchor.
    UntrustedRoot { root: usize },
    /// The path would hold more than `limit` certificates.
    TooLong { limit: usize, by_option: bool },
    /// The search ran out of budget.
    Budget(Exhausted),
}

/// The pool: target, anchors and untrusted certificates, deduplicated by fingerprint; indexes
/// refer to it. Issuer candidates are computed once per certificate, when first needed.
pub(crate) struct Pool<'a> {
    certs: Vec<&'a Certificate>,
    anchor: Vec<bool>,
    issuers: Vec<Option<Vec<usize>>>,
}

impl<'a> Pool<'a> {
    pub(crate) fn new(input: &ChainInput<'a>) -> Self {
        let mut certs = vec![input.target];
        let mut anchor = vec![false];
        for (cert, is_anchor) in input
            .anchors
            .iter()
            .map(|c| (c, true))
            .chain(input.untrusted.iter().map(|c| (c, false)))
        {
            match certs
                .iter()
                .position(|c| c.fingerprints.sha256 == cert.fingerprints.sha256)
            {
                Some(index) => {
                    if let Some(flag) = anchor.get_mut(index) {
                        *flag |= is_anchor;
                    }
                }
                None => {
                    certs.push(cert);
                    anchor.push(is_anchor);
                }
            }
        }
        let issuers = vec![None; certs.len()];
        Pool {
            certs,
            anchor,
            issuers,
        }
    }

    pub(crate) fn cert(&self, index: usize) -> Option<&'a Certificate> {
        self.certs.get(index).copied()
    }

    pub(crate) fn is_anchor(&self, index: usize) -> bool {
        self.anchor.get(index).copied().unwrap_or(false)
    }

    /// Issuer candidates of certificate `index`: same name; anchors first, then a matching key
    /// id.
    fn issuers_of(&mut self, index: usize) -> Vec<usize> {
        if let Some(Some(known)) = self.issuers.get(index) {
            return known.clone();
        }
        let Some(child) = self.cert(index) else {
            return Vec::new();
        };
        let mut found: Vec<usize> = (0..self.certs.len())
            .filter(|&i| {
                self.cert(i).is_some_and(|c| {
                    names_equal(c, child) && c.fingerprints.sha256 != child.fingerprints.sha256
                })
            })
            .collect();
        found.sort_by_key(|&i| {
            let key_match = match (
                child.authority_key_id(),
                self.cert(i).and_then(Certificate::key_id),
            ) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            };
            (!self.is_anchor(i), !key_match)
        });
        if let Some(slot) = self.issuers.get_mut(index) {
            *slot = Some(found.clone());
        }
        found
    }
}

/// RFC 5280 §7.1 compares names after normalisation; byte equality is the common case and the
/// attribute-wise comparison covers the usual re-encodings.
pub(crate) fn names_equal(issuer: &Certificate, child: &Certificate) -> bool {
    issuer.subject_der == child.issuer_der || issuer.subject.matches(&child.issuer)
}

/// What the search found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Complete paths, target first, anchor last.
    pub(crate) complete: Vec<Vec<usize>>,
    /// Why other branches stopped (each reason once).
    pub(crate) dead: Vec<DeadEnd>,
}

/// The most complete paths kept.
pub(crate) const MAX_PATHS: usize = 64;

/// Searches every path from the target (index 0) to an anchor, at most `limit` certificates
/// long.
pub(crate) fn build(
    pool: &mut Pool<'_>,
    limit: usize,
    by_option: bool,
    budget: &mut Budget,
) -> Found {
    let mut found = Found::default();
    let mut path = vec![0];
    search(pool, &mut path, limit, by_option, budget, &mut found);
    found
}

fn dead_end(found: &mut Found, end: DeadEnd) {
    if !found.dead.contains(&end) {
        found.dead.push(end);
    }
}

fn search(
    pool: &mut Pool<'_>,
    path: &mut Vec<usize>,
    limit: usize,
    by_option: bool,
    budget: &mut Budget,
    found: &mut Found,
) {
    if found.complete.len() >= MAX_PATHS {
        return;
    }
    if let Err(exhausted) = budget.build_call() {
        dead_end(found, DeadEnd::Budget(exhausted));
        return;
    }
    let Some(&last) = path.last() else { return };
    if pool.is_anchor(last) {
        found.complete.push(path.clone());
        return;
    }
    let Some(cert) = pool.cert(last) else { return };
    if path.len() >= limit {
        dead_end(found, DeadEnd::TooLong { limit, by_option });
        return;
    }
    let candidates: Vec<usize> = pool
        .issuers_of(last)
        .into_iter()
        .filter(|i| !path.contains(i))
        .collect();
    if candidates.is_empty() {
        dead_end(
            found,
            if cert.self_issued {
                DeadEnd::UntrustedRoot { root: last }
            } else {
                DeadEnd::MissingIssuer {
                    below: last,
                    issuer: cert.issuer.rfc4514.clone(),
                    key_id: cert.authority_key_id().map(str::to_owned),
                }
            },
        );
        return;
    }
    for candidate in candidates {
        path.push(candidate);
        search(pool, path, limit, by_option, budget, found);
        path.pop();
    }
}
