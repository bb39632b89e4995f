//! The OCSP checks that read times, extensions and the nonce (RFC 6960 §3.2 (4), (5), §4.2.2.1,
//! §4.4): producedAt, thisUpdate and nextUpdate in their order and against the evaluation time,
//! the local maximum age, critical extensions, and the nonce.

use super::{Context, GSKIT_POLICY, Profile, RFC_NONCE, RFC_TIME, SKEW_SECONDS};
use crate::ocsp::SingleResponse;
use crate::present::relative;
use crate::verify::trace::{Outcome, Step};

pub(super) fn time_steps(ctx: &Context<'_>, single: Option<&SingleResponse>) -> Vec<Step> {
    let (at, profile) = (ctx.input.at, ctx.input.profile);
    let mut steps = Vec::new();
    let produced = ctx.basic.produced_at;
    let builder = ctx
        .step("ocsp.produced_at", "producedAt not in the future", RFC_TIME)
        .evidence(ctx.fingerprint, ctx.basic.spans.produced_at, "producedAt");
    steps.push(match profile {
        Profile::Gskit => builder.done(
            Outcome::Skip,
            format!(
                "GSKit ignores producedAt ({GSKIT_POLICY}). It is {produced}, {}.",
                relative(produced, at)
            ),
        ),
        Profile::Rfc6960 if produced.unix() > at.unix() + SKEW_SECONDS => builder.done(
            Outcome::Fail,
            format!(
                "producedAt {produced} is {}, beyond the {} min of tolerated clock skew: a response from the future cannot be relied on (the responder's clock or the evaluation time is off).",
                relative(produced, at),
                SKEW_SECONDS / 60
            ),
        ),
        Profile::Rfc6960 => builder.done(
            Outcome::Pass,
            format!(
                "producedAt {produced} is {}. (The gskit profile skips this check: GSKit ignores producedAt.)",
                relative(produced, at)
            ),
        ),
    });
    let Some(single) = single else {
        steps.push(
            ctx.step("ocsp.this_update", "thisUpdate not in the future", RFC_TIME)
                .done(Outcome::Skip, "No SingleResponse matched the certificate."),
        );
        steps.push(
            ctx.step("ocsp.next_update", "nextUpdate not passed", RFC_TIME)
                .done(Outcome::Skip, "No SingleResponse matched the certificate."),
        );
        return steps;
    };
    let this = single.this_update;
    let order = ctx
        .step(
            "ocsp.produced_after_this_update",
            "producedAt not before thisUpdate",
            RFC_TIME,
        )
        .evidence(ctx.fingerprint, ctx.basic.spans.produced_at, "producedAt")
        .evidence(ctx.fingerprint, single.span, "SingleResponse");
    let early = produced.unix() + SKEW_SECONDS < this.unix();
    steps.push(match (profile, early) {
        (_, false) => order.done(Outcome::Pass, format!("producedAt {produced} is not before thisUpdate {this}.")),
        (Profile::Gskit, true) => order.done(Outcome::Skip, format!("producedAt {produced} is before thisUpdate {this}, which cannot be right (a response cannot be signed before the status it gives was known); GSKit ignores both times ({GSKIT_POLICY}).")),
        (Profile::Rfc6960, true) => order.done(Outcome::Fail, format!("producedAt {produced} is before thisUpdate {this}: the response claims to be signed before the status it gives was known. The responder is broken or the response was forged.")),
    });
    if let Some(max_age) = ctx.input.max_age {
        let age = ctx
            .step(
                "ocsp.max_age",
                "thisUpdate recent enough (local policy)",
                "openssl ocsp -status_age; RFC 5019 §4",
            )
            .evidence(ctx.fingerprint, single.span, "SingleResponse");
        steps.push(if at.unix() - this.unix() > max_age {
            age.done(Outcome::Fail, format!("thisUpdate {this} is {}, older than the {max_age} s the policy (--max-age) allows.", relative(this, at)))
        } else {
            age.done(Outcome::Pass, format!("thisUpdate {this} is {}, within the {max_age} s the policy (--max-age) allows.", relative(this, at)))
        });
    }
    let builder = ctx
        .step("ocsp.this_update", "thisUpdate not in the future", RFC_TIME)
        .evidence(ctx.fingerprint, single.span, "SingleResponse");
    let future = this.unix() > at.unix() + SKEW_SECONDS;
    steps.push(match (profile, future) {
        (Profile::Gskit, true) => builder.done(Outcome::Skip, format!("thisUpdate {this} is {}, which RFC 6960 rejects; GSKit ignores thisUpdate ({GSKIT_POLICY}), so the MQ client accepts it.", relative(this, at))),
        (Profile::Gskit, false) => builder.done(Outcome::Skip, format!("GSKit ignores thisUpdate ({GSKIT_POLICY}); it is {this}, {}.", relative(this, at))),
        (Profile::Rfc6960, true) => builder.done(Outcome::Fail, format!("thisUpdate {this} is {}, beyond the {} min of tolerated clock skew. (The MQ client would not object: GSKit ignores thisUpdate.)", relative(this, at), SKEW_SECONDS / 60)),
        (Profile::Rfc6960, false) => builder.done(Outcome::Pass, format!("thisUpdate {this} is {}. (The gskit profile skips this check.)", relative(this, at))),
    });
    let builder = ctx
        .step("ocsp.next_update", "nextUpdate not passed", RFC_TIME)
        .evidence(ctx.fingerprint, single.span, "SingleResponse");
    steps.push(match (single.next_update, profile) {
        (Some(next), _) if next < this => builder.done(Outcome::Fail, format!(
            "nextUpdate {next} is before thisUpdate {this}: the response contradicts itself and cannot be relied on."
        )),
        (Some(next), _) if next < at => builder.done(Outcome::Fail, format!(
            "nextUpdate {next} passed {} before the evaluation time: the response is stale.{}",
            crate::present::duration(at.unix() - next.unix()),
            if profile == Profile::Gskit { " GSKit checks nextUpdate, so the MQ client rejects it as unknown (AMQ9716 under REQUIRED)." } else { "" }
        )),
        (Some(next), _) => builder.done(Outcome::Pass, format!("nextUpdate {next} is {}.", relative(next, at))),
        (None, Profile::Gskit) => builder.done(Outcome::Pass, "nextUpdate is absent. The MQ client accepted such responses in the seed walk-through (openssl ocsp without -ndays, MQ 9.2): observed, not documented."),
        (None, Profile::Rfc6960) => builder.done(Outcome::Warn, "nextUpdate is absent: the responder says newer information is always available, so this response is only as fresh as thisUpdate (RFC 6960 §4.2.2.1). The MQ client accepted such responses in the seed walk-through."),
    });
    steps
}

/// Extensions in an OCSP response that mqocsp processes (RFC 6960 §4.4): only the nonce.
const UNDERSTOOD_OCSP: &[&str] = &[crate::extension::OID_OCSP_NONCE];

/// RFC 6960 §4.4 (via RFC 5280 §4.2): a critical extension the client does not recognise makes
/// the response unusable, in responseExtensions as in a SingleResponse's singleExtensions.
pub(super) fn critical_extensions_step(ctx: &Context<'_>) -> Step {
    let builder = ctx.step(
        "ocsp.critical_extensions",
        "Critical extensions understood",
        "RFC 6960 §4.4; RFC 5280 §4.2",
    );
    let mut unknown = Vec::new();
    for ext in ctx.basic.extensions.iter().filter(|e| e.critical) {
        if !UNDERSTOOD_OCSP.contains(&ext.oid.as_str()) {
            unknown.push(format!(
                "{} in responseExtensions",
                ext.name.clone().unwrap_or_else(|| ext.oid.clone())
            ));
        }
    }
    for (index, single) in ctx.basic.responses.iter().enumerate() {
        for ext in single.extensions.iter().filter(|e| e.critical) {
            unknown.push(format!(
                "{} in SingleResponse {}",
                ext.name.clone().unwrap_or_else(|| ext.oid.clone()),
                index + 1
            ));
        }
    }
    match (unknown.is_empty(), ctx.input.profile) {
        (true, _) => builder.done(Outcome::Pass, "No critical extension that mqocsp does not process."),
        (false, Profile::Rfc6960) => builder.done(Outcome::Fail, format!("Critical extension(s) not understood: {}. A client must not use a response with a critical extension it does not recognise.", unknown.join(", "))),
        (false, Profile::Gskit) => builder.done(Outcome::Warn, format!("Critical extension(s) not understood: {}. RFC 6960 makes such a response unusable; how GSKit treats them is not documented (assumption: as the RFC says).", unknown.join(", "))),
    }
}

pub(super) fn nonce_step(ctx: &Context<'_>) -> Step {
    let builder = ctx.step("ocsp.nonce", "Nonce matches the request", RFC_NONCE);
    let Some(request) = ctx.input.request else {
        return builder.done(
            Outcome::Skip,
            "No request was given, so there is no nonce to compare.",
        );
    };
    match (&request.nonce, &ctx.basic.nonce, ctx.input.profile) {
        (None, _, _) => builder.done(Outcome::Skip, "The request carries no nonce."),
        (Some(sent), Some(got), _) if sent == got => builder.done(Outcome::Pass, format!("The response echoes the request's nonce {sent}.")),
        (Some(sent), Some(got), _) => builder.done(Outcome::Fail, format!("The request's nonce is {sent} but the response's is {got}: the response answers another request (a replay or a cache).")),
        (Some(_), None, Profile::Gskit) => builder.done(Outcome::Skip, "The response has no nonce. GSKit checks the nonce only when enabled, and no MQ setting for it is documented (assumption: the MQ client does not check it)."),
        (Some(sent), None, Profile::Rfc6960) => builder.done(Outcome::Warn, format!("The request sent nonce {sent} but the response has none: it may come from a cache (RFC 5019 responders do this). The gskit profile does not check nonces.")),
    }
}
