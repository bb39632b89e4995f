#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| mqocsp_core::fuzz::name_constraints(data));
