#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| mqocsp_core::fuzz::path_building(data));
