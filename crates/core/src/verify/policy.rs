//! Certificate policies along a path (RFC 5280 §6.1.2 (a), (d)–(f), §6.1.3 (d)–(f),
//! §6.1.4 (a), (b), (h)–(j), §6.1.5 (a), (b), (g)), kept as the policy graph of RFC 9618: one
//! node per policy and depth with every parent it has, which gives the same result as RFC 5280's
//! tree without its exponential growth.
//!
//! The inputs are `openssl verify`'s: `-policy OID` (the user-initial-policy-set, anyPolicy when
//! none is given), `-explicit_policy`, `-inhibit_map` and `-inhibit_any`.

use super::input::{PolicySettings, step};
use super::trace::{Outcome, Step};
use crate::certificate::Certificate;
use x509_parser::extensions::{ParsedExtension, X509Extension};
use x509_parser::prelude::FromDer;

const RFC5280_POLICIES: &str =
    "RFC 5280 §6.1.3 (d)–(f), §6.1.4 (a), (b), (h)–(j), §6.1.5; RFC 9618";

pub use super::input::ANY_POLICY;

const CERTIFICATE_POLICIES: &str = "2.5.29.32";
const POLICY_MAPPINGS: &str = "2.5.29.33";
const POLICY_CONSTRAINTS: &str = "2.5.29.36";
const INHIBIT_ANY_POLICY: &str = "2.5.29.54";

/// Most nodes the policy graph may hold: a set of certificates built to make it explode is
/// refused instead (RFC 9618 §1 describes the attack on the tree).
const MAX_NODES: usize = 10_000;

/// The policy extensions of one certificate.
#[derive(Debug, Default)]
struct Policies {
    /// certificatePolicies' OIDs; `None` when the extension is absent.
    listed: Option<Vec<String>>,
    /// policyMappings: (issuerDomainPolicy, subjectDomainPolicy).
    mappings: Vec<(String, String)>,
    /// policyConstraints: requireExplicitPolicy, inhibitPolicyMapping.
    require_explicit: Option<u32>,
    inhibit_mapping: Option<u32>,
    /// inhibitAnyPolicy: skipCerts.
    inhibit_any: Option<u32>,
}

impl Policies {
    /// Reads them from the certificate's DER; an extension that does not parse is an error
    /// naming it (its criticality is judged elsewhere; a policy extension that cannot be read
    /// cannot be applied).
    fn of(cert: &Certificate) -> Result<Self, String> {
        let mut found = Self::default();
        for oid in [
            CERTIFICATE_POLICIES,
            POLICY_MAPPINGS,
            POLICY_CONSTRAINTS,
            INHIBIT_ANY_POLICY,
        ] {
            let Some(extension) = cert.extension(oid) else {
                continue;
            };
            let name = extension.name.clone().unwrap_or_else(|| oid.to_string());
            let bytes = extension.span.of(&cert.der);
            let parsed = X509Extension::from_der(bytes)
                .map_err(|e| format!("{name} of {} does not parse ({e})", cert.short_name()))?
                .1;
            match parsed.parsed_extension() {
                ParsedExtension::CertificatePolicies(list) => {
                    found.listed = Some(list.iter().map(|p| p.policy_id.to_id_string()).collect());
                }
                ParsedExtension::PolicyMappings(mappings) => {
                    found.mappings = mappings
                        .mappings
                        .iter()
                        .map(|m| {
                            (
                                m.issuer_domain_policy.to_id_string(),
                                m.subject_domain_policy.to_id_string(),
                            )
                        })
                        .collect();
                }
                ParsedExtension::PolicyConstraints(constraints) => {
                    found.require_explicit = constraints.require_explicit_policy;
                    found.inhibit_mapping = constraints.inhibit_policy_mapping;
                }
                ParsedExtension::InhibitAnyPolicy(inhibit) => {
                    found.inhibit_any = Some(inhibit.skip_certs);
                }
                _ => {
                    return Err(format!("{name} of {} does not parse", cert.short_name()));
                }
            }
        }
        Ok(found)
    }

    fn any(&self) -> bool {
        self.listed.is_some()
            || !self.mappings.is_empty()
            || self.require_explicit.is_some()
            || self.inhibit_mapping.is_some()
            || self.inhibit_any.is_some()
    }
}

/// One node of the policy graph.
#[derive(Clone, Debug)]
struct Node {
    policy: String,
    expected: Vec<String>,
    /// Indices into the level above.
    parents: Vec<usize>,
    alive: bool,
}

impl Node {
    fn new(policy: &str, expected: Vec<String>, parents: Vec<usize>) -> Self {
        Self {
            policy: policy.to_string(),
            expected,
            parents,
            alive: true,
        }
    }
}

/// The valid_policy graph: level 0 holds the anyPolicy root.
struct Graph {
    levels: Vec<Vec<Node>>,
    nodes: usize,
}

impl Graph {
    fn new() -> Self {
        Self {
            levels: vec![vec![Node::new(
                ANY_POLICY,
                vec![ANY_POLICY.to_string()],
                Vec::new(),
            )]],
            nodes: 1,
        }
    }

    fn level(&self, depth: usize) -> impl Iterator<Item = (usize, &Node)> {
        self.levels
            .get(depth)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, n)| n.alive)
    }

    fn find(&self, depth: usize, policy: &str) -> Option<usize> {
        self.level(depth)
            .find(|(_, n)| n.policy == policy)
            .map(|(i, _)| i)
    }

    /// Whether the graph is empty (RFC 5280's NULL tree).
    fn is_null(&self) -> bool {
        self.level(0).next().is_none()
    }

    /// Removes the nodes of depth below `depth` that have no children, level by level up.
    fn prune_above(&mut self, depth: usize) {
        for d in (0..depth).rev() {
            let used: Vec<usize> = self
                .level(d + 1)
                .flat_map(|(_, n)| n.parents.clone())
                .collect();
            if let Some(level) = self.levels.get_mut(d) {
                for (i, node) in level.iter_mut().enumerate() {
                    if node.alive && !used.contains(&i) {
                        node.alive = false;
                    }
                }
            }
        }
    }

    fn kill_all(&mut self) {
        for node in self.levels.iter_mut().flatten() {
            node.alive = false;
        }
    }

    /// RFC 5280 §6.1.3 (d) (1) and (2): the next level from the certificate's policies.
    fn add_level(&mut self, listed: &[String], any_allowed: bool) -> Result<(), String> {
        let depth = self.levels.len() - 1;
        let mut next: Vec<Node> = Vec::new();
        for policy in listed.iter().filter(|p| *p != ANY_POLICY) {
            let parents: Vec<usize> = self
                .level(depth)
                .filter(|(_, n)| n.expected.contains(policy))
                .map(|(i, _)| i)
                .collect();
            let parents = if parents.is_empty() {
                self.find(depth, ANY_POLICY).into_iter().collect()
            } else {
                parents
            };
            if !parents.is_empty() && !next.iter().any(|n| &n.policy == policy) {
                next.push(Node::new(policy, vec![policy.clone()], parents));
            }
        }
        if any_allowed && listed.iter().any(|p| p == ANY_POLICY) {
            let mut values: Vec<String> = Vec::new();
            for (_, node) in self.level(depth) {
                for value in &node.expected {
                    if !values.contains(value) {
                        values.push(value.clone());
                    }
                }
            }
            for value in values {
                if next.iter().any(|n| n.policy == value) {
                    continue;
                }
                let parents: Vec<usize> = self
                    .level(depth)
                    .filter(|(_, n)| n.expected.contains(&value))
                    .map(|(i, _)| i)
                    .collect();
                next.push(Node::new(&value, vec![value.clone()], parents));
            }
        }
        self.nodes += next.len();
        if self.nodes > MAX_NODES {
            return Err(format!(
                "the policy graph would hold more than {MAX_NODES} nodes: a pathological set of certificates; the path is refused"
            ));
        }
        self.levels.push(next);
        self.prune_above(depth + 1);
        Ok(())
    }

    /// RFC 5280 §6.1.4 (b): the mappings of certificate `depth` (the newest level).
    fn map(&mut self, mappings: &[(String, String)], mapping_allowed: bool) {
        let depth = self.levels.len() - 1;
        let mut issuer_domains: Vec<&String> = Vec::new();
        for (issuer, _) in mappings {
            if !issuer_domains.contains(&issuer) {
                issuer_domains.push(issuer);
            }
        }
        for issuer in issuer_domains {
            let subjects: Vec<String> = mappings
                .iter()
                .filter(|(i, _)| i == issuer)
                .map(|(_, s)| s.clone())
                .collect();
            if mapping_allowed {
                match self.find(depth, issuer) {
                    Some(index) => {
                        if let Some(node) =
                            self.levels.get_mut(depth).and_then(|l| l.get_mut(index))
                        {
                            node.expected = subjects;
                        }
                    }
                    None => {
                        let parents = self
                            .find(depth, ANY_POLICY)
                            .and_then(|any| self.levels.get(depth)?.get(any))
                            .map(|any| any.parents.clone());
                        if let (Some(parents), Some(level)) = (parents, self.levels.get_mut(depth))
                        {
                            level.push(Node::new(issuer, subjects, parents));
                            self.nodes += 1;
                        }
                    }
                }
            } else if let Some(index) = self.find(depth, issuer)
                && let Some(node) = self.levels.get_mut(depth).and_then(|l| l.get_mut(index))
            {
                node.alive = false;
                self.prune_above(depth);
            }
        }
    }

    /// For each node, the policies of the trust anchor's domain it descends from (RFC 5280
    /// §6.1.5 (g) (iii) 1: the first node below anyPolicy on a path); anyPolicy for a node
    /// reached through anyPolicy alone.
    fn origins(&self) -> Vec<Vec<Vec<String>>> {
        let mut out: Vec<Vec<Vec<String>>> = Vec::new();
        for (depth, level) in self.levels.iter().enumerate() {
            let above = depth.checked_sub(1).and_then(|d| out.get(d));
            let row = level
                .iter()
                .map(|node| {
                    if node.policy == ANY_POLICY || depth == 0 {
                        return vec![ANY_POLICY.to_string()];
                    }
                    let mut origins: Vec<String> = Vec::new();
                    for &parent in &node.parents {
                        let parent_node = self.levels.get(depth - 1).and_then(|l| l.get(parent));
                        let from = match parent_node {
                            Some(p) if p.alive && p.policy == ANY_POLICY => {
                                vec![node.policy.clone()]
                            }
                            Some(p) if p.alive => above
                                .and_then(|a| a.get(parent))
                                .cloned()
                                .unwrap_or_default(),
                            _ => Vec::new(),
                        };
                        for origin in from {
                            if !origins.contains(&origin) {
                                origins.push(origin);
                            }
                        }
                    }
                    origins
                })
                .collect();
            out.push(row);
        }
        out
    }
}

/// A policy's name for the trace: the dotted OID, with anyPolicy named.
fn named(policy: &str) -> String {
    if policy == ANY_POLICY {
        "anyPolicy".to_string()
    } else {
        policy.to_string()
    }
}

/// The policy step of a path, `path` target first and anchor last (the anchor is an input, not
/// certificate 1 of RFC 5280's path). `None` when no certificate of the path carries a policy
/// extension and the settings are the defaults: nothing to say, and nothing can fail.
pub(super) fn policy_step(path: &[&Certificate], settings: &PolicySettings<'_>) -> Option<Step> {
    // RFC 5280 numbers the path from the anchor's child (1) to the target (n).
    let certs: Vec<&Certificate> = path.iter().rev().skip(1).copied().collect();
    let target = *path.first()?;
    let n = certs.len();
    if n == 0 {
        return None;
    }
    let read: Result<Vec<Policies>, String> = certs.iter().map(|c| Policies::of(c)).collect();
    let builder = step(
        "chain.policies",
        "Certificate policies",
        target,
        RFC5280_POLICIES,
    );
    let policies = match read {
        Ok(policies) => policies,
        Err(error) => {
            return Some(builder.done(
                Outcome::Fail,
                format!("{error}; the policies of the path cannot be processed."),
            ));
        }
    };
    if settings.is_default() && !policies.iter().any(Policies::any) {
        return None;
    }
    let start = |inhibited: bool| if inhibited { 0 } else { n + 1 };
    let mut explicit_policy = start(settings.explicit);
    let mut inhibit_any = start(settings.inhibit_any);
    let mut policy_mapping = start(settings.inhibit_mapping);
    let mut graph = Graph::new();
    let mut null_at: Option<String> = None;
    for (index, (cert, own)) in certs.iter().zip(&policies).enumerate() {
        let i = index + 1;
        let name = cert.short_name();
        // §6.1.3 (d), (e).
        if !graph.is_null() {
            match &own.listed {
                Some(listed) => {
                    let any_allowed = inhibit_any > 0 || (i < n && cert.self_issued);
                    if let Err(refused) = graph.add_level(listed, any_allowed) {
                        return Some(
                            builder.done(Outcome::Fail, format!("Not decided: {refused}.")),
                        );
                    }
                    if graph.is_null() {
                        null_at = Some(format!(
                            "{name} lists no policy its issuers allow ({})",
                            listed
                                .iter()
                                .map(|p| named(p))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                }
                None => {
                    graph.kill_all();
                    null_at = Some(format!("{name} has no certificatePolicies"));
                }
            }
        }
        // §6.1.3 (f).
        if explicit_policy == 0 && graph.is_null() {
            return Some(builder.done(
                Outcome::Fail,
                format!(
                    "An explicit policy is required from {name} on, but no policy is valid: {}.",
                    null_at.as_deref().unwrap_or("no certificate lists one")
                ),
            ));
        }
        if i == n {
            break;
        }
        // §6.1.4 (a), (b).
        if own
            .mappings
            .iter()
            .any(|(a, b)| a == ANY_POLICY || b == ANY_POLICY)
        {
            return Some(builder.done(Outcome::Fail, format!("policyMappings of {name} maps to or from anyPolicy, which RFC 5280 §6.1.4 (a) forbids.")));
        }
        if !own.mappings.is_empty() && !graph.is_null() {
            graph.map(&own.mappings, policy_mapping > 0);
            if graph.is_null() {
                null_at = Some(format!(
                    "policy mapping is inhibited at {name}, and the policies it maps were the only valid ones"
                ));
            }
        }
        // §6.1.4 (h)–(j).
        if !cert.self_issued {
            for counter in [&mut explicit_policy, &mut policy_mapping, &mut inhibit_any] {
                *counter = counter.saturating_sub(1);
            }
        }
        if let Some(require) = own.require_explicit {
            explicit_policy = explicit_policy.min(require as usize);
        }
        if let Some(inhibit) = own.inhibit_mapping {
            policy_mapping = policy_mapping.min(inhibit as usize);
        }
        if let Some(skip) = own.inhibit_any {
            inhibit_any = inhibit_any.min(skip as usize);
        }
    }
    // §6.1.5 (a), (b).
    explicit_policy = explicit_policy.saturating_sub(1);
    if policies.last().and_then(|p| p.require_explicit) == Some(0) {
        explicit_policy = 0;
    }
    // §6.1.5 (g): the intersection with the user-initial-policy-set.
    let user: Vec<&String> = settings.policies.iter().collect();
    let any_user = user.is_empty() || user.iter().any(|p| *p == ANY_POLICY);
    let origins = graph.origins();
    let mut valid: Vec<String> = Vec::new();
    let mut any_at_target = false;
    for (index, node) in graph.level(n) {
        if node.policy == ANY_POLICY {
            any_at_target = true;
        }
        for origin in origins
            .get(n)
            .and_then(|row| row.get(index))
            .into_iter()
            .flatten()
        {
            if !valid.contains(origin) {
                valid.push(origin.clone());
            }
        }
    }
    let authority: Vec<String> = valid.iter().map(|p| named(p)).collect();
    let user_set: Vec<String> = if any_user {
        vec!["anyPolicy".to_string()]
    } else {
        user.iter().map(|p| named(p)).collect()
    };
    let intersection: Vec<String> = if graph.is_null() {
        Vec::new()
    } else if any_user {
        authority.clone()
    } else if any_at_target {
        user.iter().map(|p| named(p)).collect()
    } else {
        valid
            .iter()
            .filter(|p| user.contains(p))
            .map(|p| named(p))
            .collect()
    };
    let settings_said = format!(
        "user-initial-policy-set {{{}}}{}{}{}",
        user_set.join(", "),
        if settings.explicit {
            ", explicit policy required"
        } else {
            ""
        },
        if settings.inhibit_mapping {
            ", policy mapping inhibited"
        } else {
            ""
        },
        if settings.inhibit_any {
            ", anyPolicy inhibited"
        } else {
            ""
        }
    );
    if !intersection.is_empty() {
        return Some(builder.done(
            Outcome::Pass,
            format!("Valid for {} ({settings_said}).", intersection.join(", ")),
        ));
    }
    let why = if graph.is_null() {
        null_at.unwrap_or_else(|| "no certificate lists a policy".to_string())
    } else {
        format!(
            "the path's policies ({}) are not in the {settings_said}",
            authority.join(", ")
        )
    };
    Some(if explicit_policy > 0 {
        builder.done(
            Outcome::Pass,
            format!("Valid for no policy ({why}), and none is required ({settings_said})."),
        )
    } else {
        builder.done(
            Outcome::Fail,
            format!("An explicit policy is required, but the path is valid for none: {why}."),
        )
    })
}
