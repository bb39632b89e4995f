//! Verifying one OCSP response in process (issue #8): an RSA-2048 delegated responder's answer
//! about one certificate, checked as `mqocsp verify-ocsp` checks it.
//!
//! The fixtures are the ones `scripts/bench` makes with openssl for the whole-process comparison
//! (`response.der`, `ca.pem`, `leaf1.pem`, `responder.pem` in `MQOCSP_BENCH_DIR`), so both figures
//! are about the same bytes: `MQOCSP_BENCH_DIR=/tmp/x cargo bench -p mqocsp-core --bench ocsp_verify`.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use criterion::Criterion;
    use mqocsp_core::ocsp::OcspResponse;
    use mqocsp_core::verify::{LegacyAlgorithms, OcspInput, Profile, verify_ocsp};
    use mqocsp_core::{Certificate, decode};
    use std::hint::black_box;
    use std::path::PathBuf;

    fn fixture(name: &str) -> Vec<u8> {
        let dir = std::env::var_os("MQOCSP_BENCH_DIR").map(PathBuf::from).unwrap_or_else(|| {
            panic!("MQOCSP_BENCH_DIR is not set: run scripts/bench, which makes the fixtures with openssl")
        });
        std::fs::read(dir.join(name))
            .unwrap_or_else(|e| panic!("reading {name} in {}: {e}", dir.display()))
    }

    fn certificate(name: &str) -> Certificate {
        let text = String::from_utf8(fixture(name)).expect("PEM text");
        decode(&text)
            .certificates()
            .next()
            .cloned()
            .unwrap_or_else(|| panic!("no certificate in {name}"))
    }

    pub fn ocsp_verify(c: &mut Criterion) {
        let der = fixture("response.der");
        let issuer = certificate("ca.pem");
        let leaf = certificate("leaf1.pem");
        let responder = certificate("responder.pem");
        let response = OcspResponse::parse(&der).expect("the fixture response parses");
        let at = response
            .basic
            .as_ref()
            .expect("a basic response")
            .produced_at;
        let verify = |response: &OcspResponse| {
            verify_ocsp(&OcspInput {
                max_age: None,
                response,
                issuer: &issuer,
                target: Some(&leaf),
                untrusted: std::slice::from_ref(&responder),
                trusted_responders: &[],
                request: None,
                at,
                profile: Profile::Rfc6960,
                legacy: LegacyAlgorithms::Reject,
            })
        };
        let report = verify(&response);
        assert!(
            report.response_valid,
            "the fixture must verify: {:#?}",
            report
        );

        let mut group = c.benchmark_group("ocsp");
        group.bench_function("verify (parsed response)", |b| {
            b.iter(|| verify(black_box(&response)))
        });
        group.bench_function("parse + verify (from DER)", |b| {
            b.iter(|| {
                let response = OcspResponse::parse(black_box(&der)).expect("parses");
                verify(&response)
            })
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::ocsp_verify);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
