import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isCertificateFailure } from "../../provider/http/tlsFailure";

describe("isCertificateFailure", () => {
  for (const code of ["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "CERT_HAS_EXPIRED", "ERR_TLS_CERT_ALTNAME_INVALID", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"]) {
    it(`${code} is a certificate refusal`, () => assert.equal(isCertificateFailure(code), true));
  }
  for (const code of ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", undefined]) {
    it(`${code ?? "no code"} is not`, () => assert.equal(isCertificateFailure(code), false));
  }
});
