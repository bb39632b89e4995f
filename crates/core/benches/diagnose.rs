//! Diagnosing a whole ticket in process (issue #15): four certificates (the queue manager's
//! chain and the application's), two responders nobody has evidence of, both sides' logs, read
//! from the raw text and explained by the budgeted search. Target: under 50 ms natively.
//! `cargo bench -p mqocsp-core --bench diagnose` (scripts/bench runs it).
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use criterion::Criterion;
    use mqocsp_core::mq::ticket;
    use std::hint::black_box;

    pub fn diagnose(c: &mut Criterion) {
        // A ticket with both logs and the application's chain, plus the queue manager's
        // certificate: four certificates, two responders (the leaves' AIA and the issuing CA's).
        let text = format!(
            "{}\nThe queue manager's certificate:\n{}",
            include_str!("../../../testdata/tickets/02-windows-qm-responder-down.txt"),
            include_str!("../../../testdata/tickets/pki/qm.pem")
        );
        let read = ticket::read(&text, "2026-12-01T00:00:00Z");
        let explained = read.explain();
        assert!(explained.searched > 1, "the bench must search");
        c.bench_function("diagnose a ticket (read + search)", |b| {
            b.iter(|| black_box(ticket::read(black_box(&text), "2026-12-01T00:00:00Z").explain()))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::diagnose);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);
#[cfg(target_arch = "wasm32")]
fn main() {}
