//! A decoded object read back from its JSON form, made whole again from its DER.
//!
//! The JSON of a [`DecodedObject`] (what `mqocsp decode --json` prints, and what the page's
//! worker sends) leaves out the DER, its tree and the fields verification reads from the DER
//! (a certificate's key and signature bits, its names' DER, its serial's octets, a CRL's
//! signature, an OCSP response's DER). They are not decoded again here: they are the bytes the
//! decoded spans point at, read from one parse of the DER tree, which costs far less than the
//! decode (no x509-parser pass, no fingerprint hashes, no names or extensions).

use crate::certificate::{Certificate, signature_algorithms_agree};
use crate::decode::DecodedObject;
use crate::der::{self, Node, Tag};
use crate::location::{Source, SourceFormat};
use crate::ocsp::OcspResponse;
use crate::{ObjectBody, oids};

/// id-ecPublicKey (RFC 5480 §2.1.1): its parameters name the curve.
const OID_EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";

impl DecodedObject {
    /// The object whose `source` and `body` were read back (from JSON), made whole from `der`.
    pub fn restored(source: Source, body: ObjectBody, der: Vec<u8>) -> Self {
        let mut object = Self {
            source,
            body,
            der: Vec::new(),
            tree: Node {
                tag: Tag::NULL,
                offset: 0,
                header_len: 0,
                content_len: 0,
                children: Vec::new(),
                encapsulates: false,
            },
        };
        object.restore(der);
        object
    }

    /// Puts back what JSON does not carry, from `der`, the bytes the object was decoded from:
    /// `der`, `tree` and the DER-derived fields of its body. A value read from JSON and restored
    /// with its own DER equals the value that was written.
    pub fn restore(&mut self, der: Vec<u8>) {
        let Some(root) = der::parse(&der).root else {
            // Only DER that parsed was ever decoded into an object; other bytes restore nothing.
            self.der = der;
            return;
        };
        match &mut self.body {
            ObjectBody::Certificate(certificate) => {
                // openssl's TRUSTED CERTIFICATE keeps trust settings after the certificate; the
                // certificate is the first value only (as `decode` reads it).
                let trusted = matches!(&self.source.format,
                    SourceFormat::Pem { label } if label == "TRUSTED CERTIFICATE");
                let bytes = if trusted { root.span().of(&der) } else { &der };
                restore_certificate(certificate, bytes, &root);
            }
            ObjectBody::Crl(crl) => crl.signature = bit_string_bits(root.child(2), &der),
            ObjectBody::OcspResponse(response) => restore_response(response, &der, &root),
            ObjectBody::OcspRequest(_) => {}
        }
        self.der = der;
        self.tree = root;
    }
}

/// A certificate's DER-derived fields, read where RFC 5280 §4.1 puts them (`root` is the tree of
/// `der`).
fn restore_certificate(certificate: &mut Certificate, der: &[u8], root: &Node) {
    let tbs = root.child(0);
    let skip = usize::from(
        tbs.and_then(|tbs| tbs.child(0))
            .is_some_and(|v| v.tag == Tag::context(0, true)),
    );
    let field = |index: usize| tbs.and_then(|tbs| tbs.child(skip + index));
    let spki = field(5);
    certificate.serial_octets = field(0)
        .map(|serial| serial.content_span().of(der).to_vec())
        .unwrap_or_default();
    certificate.issuer_der = certificate.spans.issuer.of(der).to_vec();
    certificate.subject_der = certificate.spans.subject.of(der).to_vec();
    certificate.public_key_bits = bit_string_bits(spki.and_then(|spki| spki.child(1)), der);
    certificate.signature_bits = bit_string_bits(root.child(2), der);
    certificate.public_key.curve_oid = spki
        .and_then(|spki| spki.child(0))
        .and_then(|algorithm| algorithm.child(1))
        .filter(|parameters| parameters.tag == Tag::OID)
        .and_then(|parameters| oids::dotted(parameters.content_span().of(der)))
        .filter(|_| certificate.public_key.algorithm.oid == OID_EC_PUBLIC_KEY);
    certificate.signature_algorithms_agree = signature_algorithms_agree(root, der);
    certificate.der = der.to_vec();
}

/// An OCSP response's DER, and each embedded certificate's fields from its own DER: the
/// certificates follow the signature in BasicOCSPResponse (RFC 6960 §4.2.1) and are found by
/// their SHA-256, as ones that did not decode were left out of the list.
fn restore_response(response: &mut OcspResponse, der: &[u8], root: &Node) {
    if let Some(basic) = response.basic.as_mut() {
        let after_signature = basic.spans.signature.end;
        let wrapper = root.node_at(after_signature).and_then(|path| {
            path.iter()
                .try_fold(root, |node, &index| node.child(index))
                .filter(|node| node.tag == Tag::context(0, true) && node.offset == after_signature)
        });
        let listed: Vec<&[u8]> = wrapper
            .and_then(|wrapper| wrapper.child(0))
            .map(|list| list.children.iter().map(|c| c.span().of(der)).collect())
            .unwrap_or_default();
        for certificate in &mut basic.certificates {
            let found = listed.iter().find(|bytes| {
                crate::certificate::fingerprints(bytes).sha256 == certificate.fingerprints.sha256
            });
            if let Some(root) = found.and_then(|bytes| der::parse(bytes).root.map(|r| (bytes, r))) {
                restore_certificate(certificate, root.0, &root.1);
            }
        }
    }
    response.der = der.to_vec();
}

/// A BIT STRING's bits: its content without the unused-bits octet (empty when absent).
fn bit_string_bits(node: Option<&Node>, der: &[u8]) -> Vec<u8> {
    node.map(|node| node.content_span().of(der))
        .and_then(|content| content.get(1..))
        .unwrap_or_default()
        .to_vec()
}
